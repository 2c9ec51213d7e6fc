namespace Faithcoin.Consensus.Scripting.Secp256k1;

/// <summary>
/// Strict DER (BIP66's IsValidSignatureEncoding, applied to the signature without its sighash byte) read into the
/// 64-byte big-endian r‖s form libsecp256k1's compact parser takes. A strictly encoded signature parses the same under
/// 0.15's lax parser (ecdsa_signature_parse_der_lax, which libsecp256k1 itself does not export), so accepting only
/// these keeps the fast path's answer equal to the interpreter's whether or not DERSIG is active.
/// </summary>
internal static class DerSignature
{
    public static bool TryParseStrict(ReadOnlySpan<byte> der, Span<byte> compact)
    {
        // 0x30 len 0x02 lenR R 0x02 lenS S, 8..72 bytes.
        if (compact.Length != 64 || der.Length < 8 || der.Length > 72 || der[0] != 0x30 || der[1] != der.Length - 2)
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

        var r = der.Slice(4, lenR);
        var s = der.Slice(6 + lenR, lenS);
        return IsMinimalPositive(r) && IsMinimalPositive(s) && TryWrite32(r, compact[..32]) && TryWrite32(s, compact[32..]);
    }

    private static bool IsMinimalPositive(ReadOnlySpan<byte> integer) =>
        (integer[0] & 0x80) == 0 && !(integer.Length > 1 && integer[0] == 0 && (integer[1] & 0x80) == 0);

    /// <summary>False for a value of more than 32 bytes: not below the order, so never valid; the interpreter says so.</summary>
    private static bool TryWrite32(ReadOnlySpan<byte> integer, Span<byte> destination)
    {
        if (integer.Length == 33)
        {
            // The only minimal 33-byte form is a zero pad before a high bit.
            integer = integer[1..];
        }

        if (integer.Length > 32)
        {
            return false;
        }

        destination[..(32 - integer.Length)].Clear();
        integer.CopyTo(destination[(32 - integer.Length)..]);
        return true;
    }
}
