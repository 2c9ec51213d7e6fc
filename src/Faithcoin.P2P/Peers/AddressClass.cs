using System.Net;
using System.Net.Sockets;

namespace Faithcoin.P2P.Peers;

/// <summary>0.15's CNetAddr classification of an address, for the rules that depend on where a peer is.</summary>
public static class AddressClass
{
    /// <summary>IsLocal: 127.0.0.0/8, 0.0.0.0/8 and ::1. 0.15 disconnects but never bans such peers.</summary>
    public static bool IsLocal(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        address = Normalize(address);
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var first = address.GetAddressBytes()[0];
            return first is 127 or 0;
        }

        return IPAddress.IPv6Loopback.Equals(address);
    }

    /// <summary>
    /// IsRoutable: a public address. 0.15 tells a peer its address in the version message only when it is, and
    /// sends all zeros otherwise.
    /// </summary>
    public static bool IsRoutable(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        address = Normalize(address);
        if (IsLocal(address))
        {
            return false;
        }

        var b = address.GetAddressBytes();
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            return !(b[0] == 10 // RFC1918
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
                || (b[0] == 198 && (b[1] == 18 || b[1] == 19)) // RFC2544
                || (b[0] == 169 && b[1] == 254) // RFC3927
                || (b[0] == 100 && (b[1] & 0xc0) == 64) // RFC6598
                || (b[0] == 192 && b[1] == 0 && b[2] == 2) // RFC5737
                || (b[0] == 198 && b[1] == 51 && b[2] == 100)
                || (b[0] == 203 && b[1] == 0 && b[2] == 113)
                || (b[0] == 255 && b[1] == 255 && b[2] == 255 && b[3] == 255) // INADDR_NONE: not valid in 0.15
                || (b[0] == 0));
        }

        return !(address.Equals(IPAddress.IPv6Any)
            || ((b[0] & 0xfe) == 0xfc && !Net.Socks.OnionCat.IsOnion(address)) // RFC4193 unique local, but OnionCat is public
            || (b[0] == 0xfe && (b[1] & 0xc0) == 0x80) // RFC4862 link local
            || (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8) // RFC3849 documentation
            || (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x00 && (b[3] & 0xf0) == 0x10) // RFC4843 ORCHID
            || (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x00 && (b[3] & 0xf0) == 0x20)); // RFC7343 ORCHIDv2
    }

    /// <summary>IPv4 peers reached over a dual-mode socket show up mapped into IPv6; rules compare the IPv4 form.</summary>
    public static IPAddress Normalize(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
    }

    public static IPNetwork SingleHost(IPAddress address)
    {
        address = Normalize(address);
        return new IPNetwork(address, address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128);
    }
}
