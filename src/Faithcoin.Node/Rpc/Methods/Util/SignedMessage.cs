using System.Text;
using NBitcoin;
using NBitcoin.Crypto;

namespace Faithcoin.Node.Rpc.Methods.Util;

/// <summary>
/// Message signing as the original (strMessageMagic, CHashWriter, CKey::SignCompact): the double SHA-256 of the
/// magic and the message, each as a length-prefixed string, signed into 65 bytes whose header carries the recovery
/// id and whether the key is compressed. Faithcoin is Litecoin with its names replaced, so the magic is
/// "Faithcoin Signed Message:\n" (NBitcoin's own helpers hard-code Bitcoin's and are not used).
/// </summary>
public static class SignedMessage
{
    public const string Magic = "Faithcoin Signed Message:\n";

    public static uint256 Hash(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        using var buffer = new MemoryStream();
        WriteString(buffer, Magic);
        WriteString(buffer, message);
        return Hashes.DoubleSHA256(buffer.ToArray());
    }

    /// <summary>The 65-byte compact signature (RFC 6979 nonce without low-R grinding, as 0.15).</summary>
    public static byte[] Sign(Key key, string message)
    {
        ArgumentNullException.ThrowIfNull(key);
        // NBitcoin signs compactly only with compressed keys; the signature depends on the secret alone, so an
        // uncompressed key signs through its compressed twin and keeps its own header flag.
        var signer = key.IsCompressed ? key : new Key(key.ToBytes(), -1, fCompressedIn: true);
        var compact = signer.SignCompact(Hash(message), false);
        var signature = new byte[65];
        signature[0] = (byte)(27 + compact.RecoveryId + (key.IsCompressed ? 4 : 0));
        compact.Signature.CopyTo(signature, 1);
        return signature;
    }

    /// <summary>CPubKey::RecoverCompact: the signer's key, or null when the signature recovers none.</summary>
    public static PubKey? Recover(ReadOnlySpan<byte> signature, string message)
    {
        if (signature.Length != 65)
        {
            return null;
        }

        var header = signature[0] - 27;
        var compressed = (header & 4) != 0;
        try
        {
            var key = PubKey.RecoverCompact(Hash(message), new CompactSignature(header & 3, signature[1..].ToArray()));
            return compressed ? key.Compress() : key.Decompress();
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException)
        {
            return null;
        }
    }

    private static void WriteString(Stream stream, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        Span<byte> size = stackalloc byte[5];
        var length = bytes.Length switch
        {
            < 0xfd => WriteSize(size, (byte)bytes.Length, 0, 0),
            <= 0xffff => WriteSize(size, 0xfd, bytes.Length, 2),
            _ => WriteSize(size, 0xfe, bytes.Length, 4),
        };
        stream.Write(size[..length]);
        stream.Write(bytes);
    }

    /// <summary>CompactSize: one byte, or a marker and the length in 2 or 4 little-endian bytes.</summary>
    private static int WriteSize(Span<byte> size, byte first, int value, int width)
    {
        size[0] = first;
        for (var i = 0; i < width; i++)
        {
            size[1 + i] = (byte)(value >> (8 * i));
        }

        return 1 + width;
    }
}
