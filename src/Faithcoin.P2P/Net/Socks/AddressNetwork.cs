using System.Net;
using System.Net.Sockets;
using Faithcoin.P2P.Peers;

namespace Faithcoin.P2P.Net.Socks;

/// <summary>0.15's CNetAddr::GetNetwork and ParseNetwork/GetNetworkName.</summary>
public static class AddressNetwork
{
    /// <summary>g_internal_prefix fd6b:88c0:8724::/48.</summary>
    private static ReadOnlySpan<byte> InternalPrefix => [0xFD, 0x6B, 0x88, 0xC0, 0x87, 0x24];

    /// <summary>The networks getnetworkinfo lists, in 0.15's order (NET_UNROUTABLE and NET_INTERNAL are left out).</summary>
    public static IReadOnlyList<PeerNetwork> Reported { get; } = [PeerNetwork.IPv4, PeerNetwork.IPv6, PeerNetwork.Onion];

    public static PeerNetwork Of(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        address = AddressClass.Normalize(address);
        if (address.AddressFamily == AddressFamily.InterNetworkV6 && address.GetAddressBytes().AsSpan().StartsWith(InternalPrefix))
        {
            return PeerNetwork.Internal;
        }

        // Checked before routability: OnionCat sits inside fc00::/7, which is otherwise private.
        if (OnionCat.IsOnion(address))
        {
            return PeerNetwork.Onion;
        }

        if (!AddressClass.IsRoutable(address))
        {
            return PeerNetwork.Unroutable;
        }

        return address.AddressFamily == AddressFamily.InterNetwork ? PeerNetwork.IPv4 : PeerNetwork.IPv6;
    }

    /// <summary>ParseNetwork: "ipv4", "ipv6", "onion" (and 0.15's old alias "tor"), any case; null for anything else.</summary>
    public static PeerNetwork? Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.ToLowerInvariant() switch
        {
            "ipv4" => PeerNetwork.IPv4,
            "ipv6" => PeerNetwork.IPv6,
            "onion" or "tor" => PeerNetwork.Onion,
            _ => null,
        };
    }

    /// <summary>GetNetworkName.</summary>
    public static string Name(PeerNetwork network) => network switch
    {
        PeerNetwork.IPv4 => "ipv4",
        PeerNetwork.IPv6 => "ipv6",
        PeerNetwork.Onion => "onion",
        _ => string.Empty,
    };
}
