using System.Buffers.Binary;
using System.Net;

namespace Faithcoin.P2P.Net.ProxyProtocol;

/// <summary>
/// The PROXY protocol (haproxy's proxy-protocol.txt), versions 1 and 2, read from the start of a connection.
/// Given the bytes received so far it says whether more are needed, whether they are no header at all (so
/// they go to the P2P reader untouched), or what the header carries.
/// </summary>
public static class ProxyHeaderParser
{
    /// <summary>The longest v1 line, CRLF included.</summary>
    public const int MaxV1Length = 107;

    private const int V2FixedLength = 16;
    private const byte V2Version = 0x2;
    private const byte CommandLocal = 0x0;
    private const byte CommandProxy = 0x1;
    private const byte FamilyTcp4 = 0x11;
    private const byte FamilyTcp6 = 0x21;

    private static readonly byte[] V1Signature = "PROXY "u8.ToArray();
    private static readonly byte[] V2Signature = [0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A];

    public static ProxyHeaderStatus TryParse(ReadOnlySpan<byte> received, out ProxyHeader? header, out string? error)
    {
        header = null;
        error = null;
        if (received.IsEmpty)
        {
            return ProxyHeaderStatus.NeedMoreData;
        }

        if (StartsLike(received, V1Signature))
        {
            return received.Length < V1Signature.Length
                ? ProxyHeaderStatus.NeedMoreData
                : ProxyV1Line.TryParse(received, out header, out error);
        }

        if (StartsLike(received, V2Signature))
        {
            return received.Length < V2FixedLength
                ? ProxyHeaderStatus.NeedMoreData
                : TryParseV2(received, out header, out error);
        }

        return ProxyHeaderStatus.NotProxy;
    }

    // True while the bytes agree with the signature as far as both go.
    private static bool StartsLike(ReadOnlySpan<byte> received, ReadOnlySpan<byte> signature)
    {
        var length = Math.Min(received.Length, signature.Length);
        return received[..length].SequenceEqual(signature[..length]);
    }

    private static ProxyHeaderStatus TryParseV2(ReadOnlySpan<byte> received, out ProxyHeader? header, out string? error)
    {
        header = null;
        error = null;
        var versionCommand = received[12];
        var family = received[13];
        var length = V2FixedLength + BinaryPrimitives.ReadUInt16BigEndian(received[14..]);
        if (versionCommand >> 4 != V2Version)
        {
            error = $"PROXY v2 header with version {versionCommand >> 4}";
            return ProxyHeaderStatus.Malformed;
        }

        var command = versionCommand & 0x0F;
        if (command is not CommandLocal and not CommandProxy)
        {
            error = $"PROXY v2 header with command {command}";
            return ProxyHeaderStatus.Malformed;
        }

        var addressLength = family switch
        {
            FamilyTcp4 => 12,
            FamilyTcp6 => 36,
            _ => 0,
        };
        if (length - V2FixedLength < addressLength)
        {
            error = $"PROXY v2 header too short for its addresses ({length - V2FixedLength} bytes)";
            return ProxyHeaderStatus.Malformed;
        }

        if (received.Length < length)
        {
            return ProxyHeaderStatus.NeedMoreData;
        }

        // LOCAL (a health check from the proxy itself) and unsupported families keep the socket's address;
        // the TLVs after the addresses carry nothing the node uses.
        IPEndPoint? source = null;
        if (command == CommandProxy && addressLength > 0)
        {
            var addresses = received.Slice(V2FixedLength, addressLength);
            var size = family == FamilyTcp4 ? 4 : 16;
            var port = BinaryPrimitives.ReadUInt16BigEndian(addresses[(2 * size)..]);
            source = new IPEndPoint(new IPAddress(addresses[..size]), port);
        }

        header = new ProxyHeader(length, source);
        return ProxyHeaderStatus.Parsed;
    }
}
