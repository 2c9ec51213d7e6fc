namespace Faithcoin.Node.Rpc.Formatting;

/// <summary>
/// What asm output needs to recognise a signature in a scriptSig: Core's CheckSignatureEncoding with
/// SCRIPT_VERIFY_STRICTENC (strict BIP66 DER plus a defined hash type), and the hash type's display name.
/// </summary>
public static class SignatureEncoding
{
    private const byte AnyoneCanPay = 0x80;

    /// <summary>An empty push passes, as in Core: it is the compact way to give an invalid signature.</summary>
    public static bool IsStrictlyEncoded(ReadOnlySpan<byte> signature) =>
        signature.IsEmpty || (IsValidDer(signature) && HasDefinedHashType(signature));

    /// <summary>The name in asm brackets ("ALL", "NONE|ANYONECANPAY"...), or null for an undefined type.</summary>
    public static string? HashTypeName(byte hashType) => hashType switch
    {
        0x01 => "ALL",
        0x81 => "ALL|ANYONECANPAY",
        0x02 => "NONE",
        0x82 => "NONE|ANYONECANPAY",
        0x03 => "SINGLE",
        0x83 => "SINGLE|ANYONECANPAY",
        _ => null,
    };

    /// <summary>
    /// BIP66: 0x30 [total] 0x02 [R length] [R] 0x02 [S length] [S] [hash type], lengths consistent, R and S
    /// positive and without needless leading zero bytes.
    /// </summary>
    public static bool IsValidDer(ReadOnlySpan<byte> signature)
    {
        var size = signature.Length;
        if (size < 9 || size > 73 || signature[0] != 0x30 || signature[1] != size - 3)
        {
            return false;
        }

        var lengthR = signature[3];
        if (5 + lengthR >= size)
        {
            return false;
        }

        var lengthS = signature[5 + lengthR];
        if (lengthR + lengthS + 7 != size)
        {
            return false;
        }

        return IsDerInteger(signature, 2, lengthR) && IsDerInteger(signature, lengthR + 4, lengthS);
    }

    private static bool HasDefinedHashType(ReadOnlySpan<byte> signature)
    {
        var baseType = signature[^1] & ~AnyoneCanPay;
        return baseType is >= 0x01 and <= 0x03;
    }

    /// <param name="markerAt">Where the 0x02 integer marker sits; its length byte follows, then the value.</param>
    private static bool IsDerInteger(ReadOnlySpan<byte> signature, int markerAt, int length)
    {
        if (signature[markerAt] != 0x02 || length == 0)
        {
            return false;
        }

        var first = signature[markerAt + 2];
        if ((first & 0x80) != 0)
        {
            return false;
        }

        return !(length > 1 && first == 0x00 && (signature[markerAt + 3] & 0x80) == 0);
    }
}
