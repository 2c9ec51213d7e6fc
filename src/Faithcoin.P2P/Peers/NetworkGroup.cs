using System.Net;
using System.Net.Sockets;

namespace Faithcoin.P2P.Peers;

/// <summary>
/// 0.15's CNetAddr::GetGroup: the network an address belongs to for diversity rules (the /16 for IPv4, the /32
/// for most IPv6, the embedded IPv4 for 6to4 and Teredo). Outbound peers are kept to one per group and the
/// address manager spreads what one group tells it over few buckets.
/// </summary>
public static class NetworkGroup
{
    private const byte Unroutable = 0; // NET_UNROUTABLE
    private const byte IPv4 = 1; // NET_IPV4
    private const byte IPv6 = 2; // NET_IPV6
    private const byte Onion = 3; // NET_TOR
    private const byte Internal = 4; // NET_INTERNAL
    private const byte LocalClass = 255;

    /// <summary>g_internal_prefix: fd6b:88c0:8724::/48, 0.15's made-up addresses that stand for names.</summary>
    private static ReadOnlySpan<byte> InternalPrefix => [0xFD, 0x6B, 0x88, 0xC0, 0x87, 0x24];

    public static IPAddress ToIPv6(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address.AddressFamily == AddressFamily.InterNetwork ? address.MapToIPv6() : address;
    }

    /// <summary>
    /// SetInternal: the address a DNS seed's name stands for as the source of what it returned, so each seed
    /// gets its own group: the internal prefix and the first 10 bytes of SHA-256 of the name.
    /// </summary>
    public static IPAddress ForName(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var bytes = new byte[16];
        InternalPrefix.CopyTo(bytes);
        System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(name)).AsSpan(0, 10).CopyTo(bytes.AsSpan(6));
        return new IPAddress(bytes);
    }

    public static byte[] Of(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var ip = ToIPv6(address).GetAddressBytes();
        if (ip.AsSpan().StartsWith(InternalPrefix))
        {
            return [Internal, .. ip.AsSpan(6)];
        }

        if (AddressClass.IsLocal(address))
        {
            return [LocalClass];
        }

        if (!AddressClass.IsRoutable(address))
        {
            return [Unroutable];
        }

        if (IsEmbeddedIPv4(ip))
        {
            return [IPv4, ip[12], ip[13]];
        }

        if (ip[0] == 0x20 && ip[1] == 0x02)
        {
            return [IPv4, ip[2], ip[3]]; // RFC3964 6to4
        }

        if (ip[0] == 0x20 && ip[1] == 0x01 && ip[2] == 0 && ip[3] == 0)
        {
            return [IPv4, (byte)(ip[12] ^ 0xFF), (byte)(ip[13] ^ 0xFF)]; // RFC4380 Teredo
        }

        if (Net.Socks.OnionCat.IsOnion(address))
        {
            return [Onion, (byte)(ip[6] | 0x0F)]; // NET_TOR: the first 4 bits of the service id
        }

        if (ip[0] == 0x20 && ip[1] == 0x01 && ip[2] == 0x04 && ip[3] == 0x70)
        {
            return [IPv6, ip[0], ip[1], ip[2], ip[3], (byte)(ip[4] | 0x0F)]; // he.net: /36
        }

        return [IPv6, ip[0], ip[1], ip[2], ip[3]];
    }

    // IPv4, IPv4-mapped, RFC6145 (::ffff:0:0:0/96) and RFC6052 (64:ff9b::/96) all carry the IPv4 in the last 4 bytes.
    private static bool IsEmbeddedIPv4(byte[] ip)
    {
        var mapped = ip.AsSpan(0, 10).IndexOfAnyExcept((byte)0) < 0 && ip[10] == 0xFF && ip[11] == 0xFF;
        var rfc6145 = ip.AsSpan(0, 8).IndexOfAnyExcept((byte)0) < 0 && ip[8] == 0xFF && ip[9] == 0xFF && ip[10] == 0 && ip[11] == 0;
        var rfc6052 = ip[0] == 0 && ip[1] == 0x64 && ip[2] == 0xFF && ip[3] == 0x9B && ip.AsSpan(4, 8).IndexOfAnyExcept((byte)0) < 0;
        return mapped || rfc6145 || rfc6052;
    }
}
