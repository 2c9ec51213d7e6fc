namespace Faithcoin.Consensus.Scripting.Secp256k1;

/// <summary>
/// ECDSA verification for the script fast path, by libsecp256k1 (<see cref="Secp256k1Library"/>). It answers true only
/// for a signature that is valid; callers treat false as "ask NBitcoin's interpreter", so anything this does not
/// handle (non-strict DER, hybrid keys, no native library on this platform) costs time, never a wrong verdict.
/// Like 0.15 after its normalisation, high-S signatures verify.
/// </summary>
public static class EcdsaVerifier
{
    /// <summary>
    /// True when <paramref name="signatureDer"/> (strict DER, without the sighash byte) is a valid signature of the
    /// 32-byte <paramref name="messageHash"/> (as signed: big-endian number) by the public key
    /// <paramref name="publicKey"/> (33-byte compressed or 65-byte uncompressed).
    /// </summary>
    public static bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> signatureDer, ReadOnlySpan<byte> messageHash) =>
        Verify(Secp256k1Library.Shared, publicKey, signatureDer, messageHash);

    /// <summary>As above with a given library; null (none could be loaded) declines every signature.</summary>
    internal static bool Verify(Secp256k1Library? library, ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> signatureDer, ReadOnlySpan<byte> messageHash)
    {
        if (library is null || !IsCompressedOrUncompressed(publicKey))
        {
            return false;
        }

        Span<byte> compact = stackalloc byte[64];
        return DerSignature.TryParseStrict(signatureDer, compact) && library.Verify(publicKey, compact, messageHash);
    }

    /// <summary>
    /// libsecp256k1 would also take a hybrid key (06/07), as 0.15 does; the fast path has never taken them and they
    /// are too rare to matter, so the interpreter decides those.
    /// </summary>
    private static bool IsCompressedOrUncompressed(ReadOnlySpan<byte> publicKey) =>
        (publicKey.Length == 33 && (publicKey[0] == 0x02 || publicKey[0] == 0x03)) ||
        (publicKey.Length == 65 && publicKey[0] == 0x04);
}
