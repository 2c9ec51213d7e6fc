using System.Globalization;
using System.Net;
using Faithcoin.P2P.Peers;

namespace Faithcoin.Node.Rpc.Methods.Networking;

/// <summary>CService::ToString: "1.2.3.4:9666", "[::1]:9666"; IPv4 peers seen through dual-mode sockets print as IPv4.</summary>
public static class PeerAddressText
{
    public static string Format(IPEndPoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var address = AddressClass.Normalize(endpoint.Address);
        return address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6
            ? string.Create(CultureInfo.InvariantCulture, $"[{address}]:{endpoint.Port}")
            : string.Create(CultureInfo.InvariantCulture, $"{address}:{endpoint.Port}");
    }
}
