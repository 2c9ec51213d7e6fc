using System.Buffers.Binary;
using System.Net;
using System.Text;

namespace Faithcoin.P2P.Tests.Net.ProxyProtocol;

/// <summary>PROXY headers built by hand from the spec's layout, so the tests do not check the parser with itself.</summary>
public static class ProxyHeaders
{
    public static readonly byte[] V2Signature = [0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A];

    public static byte[] V1(string line) => Encoding.ASCII.GetBytes(line);

    /// <summary>A v2 header: PROXY (0x21) or another version/command byte, TCP4/TCP6 addresses, optional TLV bytes.</summary>
    public static byte[] V2(IPEndPoint source, IPEndPoint destination, byte versionCommand = 0x21, byte[]? tlvs = null)
    {
        var v4 = source.Address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork;
        var addresses = new List<byte>();
        addresses.AddRange(source.Address.GetAddressBytes());
        addresses.AddRange(destination.Address.GetAddressBytes());
        addresses.AddRange(BigEndian((ushort)source.Port));
        addresses.AddRange(BigEndian((ushort)destination.Port));
        addresses.AddRange(tlvs ?? []);
        return V2Raw(versionCommand, (byte)(v4 ? 0x11 : 0x21), addresses.ToArray());
    }

    public static byte[] V2Raw(byte versionCommand, byte family, byte[] body, int? lengthOverride = null)
    {
        var header = new List<byte>(V2Signature) { versionCommand, family };
        header.AddRange(BigEndian((ushort)(lengthOverride ?? body.Length)));
        header.AddRange(body);
        return header.ToArray();
    }

    private static byte[] BigEndian(ushort value)
    {
        var bytes = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(bytes, value);
        return bytes;
    }
}
