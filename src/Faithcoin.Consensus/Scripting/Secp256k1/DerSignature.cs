namespace Faithcoin.Consensus.Scripting.Secp256k1;

/// <summary>
/// Strict DER (BIP66's IsValidSignatureEncoding, applied to the signature without its sighash byte) and the r and s
/// it holds, as 32-byte big-endian values. A strictly encoded signature parses the same under 0.15's lax parser, so
/// accepting only these keeps the fast path's answer equal to the interpreter's whether or not DERSIG is active.
/// </summary>
internal static class DerSignature
{
    public static bool TryParseStrict(ReadOnlySpan<byte> der, out ReadOnlySpan<byte> r, out ReadOnlySpan<byte> s)
    {
        r = default;
        s = default;

        // 0x30 len 0x02 lenR R 0x02 lenS S, 8..72 bytes.
        if (der.Length < 8 || der.Length > 72 || der[0] != 0x30 || der[1] != der.Length - 2)
        {
            return false;
        }

        var lenR = der[3];
        if (der[2] != 0x02 || lenR == 0 || 5 + lenR >= der.Length)
        {
            return false;
        }

        var lenS = der[5 + lenR];
        if (lenR + lenS + 6 != der.Length || der[4 + lenR] != 0x02 || lenS == 0)
        {
            return false;
        }

        var rBytes = der.Slice(4, lenR);
        var sBytes = der.Slice(6 + lenR, lenS);
        if (!IsMinimalPositive(rBytes) || !IsMinimalPositive(sBytes))
        {
            return false;
        }

        return TrimTo32(rBytes, out r) && TrimTo32(sBytes, out s);
    }

    private static bool IsMinimalPositive(ReadOnlySpan<byte> integer) =>
        (integer[0] & 0x80) == 0 && !(integer.Length > 1 && integer[0] == 0 && (integer[1] & 0x80) == 0);

    private static bool TrimTo32(ReadOnlySpan<byte> integer, out ReadOnlySpan<byte> value)
    {
        if (integer.Length == 33)
        {
            // The only 33-byte form is a zero pad before a high bit.
            integer = integer[1..];
        }

        if (integer.Length > 32)
        {
            value = default;
            return false;
        }

        if (integer.Length == 32)
        {
            value = integer;
            return true;
        }

        var padded = new byte[32];
        integer.CopyTo(padded.AsSpan(32 - integer.Length));
        value = padded;
        return true;
    }
}
