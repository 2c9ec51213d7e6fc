using System.Net;

namespace Faithcoin.Node.Tests.EndToEnd;

/// <summary>
/// -rpcallowip in CIDR and netmask form through the real faithcoind, reached from this machine's own non-loopback
/// address: a listed subnet is served, any other address gets 0.15's 403 for JSON-RPC and REST alike.
/// </summary>
[Collection(DaemonCollection.Name)]
public sealed class Issue5AuditRpcAllowIpEndToEndTests
{
    private const string Credentials = "allow:secret";

    private static async Task<DaemonProcess> StartAsync(TempDirectory data, params string[] allowIp)
    {
        var port = DaemonProcess.FreePort();
        var daemon = DaemonProcess.Start(
            port, ["-regtest", $"-datadir={data.Path}", $"-rpcport={port}", "-rpcuser=allow", "-rpcpassword=secret", "-rest", .. allowIp]);
        await daemon.WaitUntilReadyAsync(() => Credentials, TimeSpan.FromSeconds(30));
        return daemon;
    }

    private static IPAddress Neighbour(IPAddress address)
    {
        var bytes = address.GetAddressBytes();
        bytes[3] ^= 1;
        return new IPAddress(bytes);
    }

    [HostAddressFact]
    public async Task ListedSubnetsInEitherFormAreServedAndOthersGet403()
    {
        var host = HostAddress.FirstIPv4()!;

        // The host part of the given address is masked off, as CSubNet does, so "address/24" names its network.
        foreach (var allowed in new[] { $"-rpcallowip={host}/24", $"-rpcallowip={host}/255.255.255.0" })
        {
            using var data = new TempDirectory();
            await using var daemon = await StartAsync(data, allowed);
            Assert.Equal(HttpStatusCode.OK, await HostAddress.PostGetBlockCountAsync(host, daemon.RpcPort, Credentials));
        }

        using (var data = new TempDirectory())
        {
            var neighbour = Neighbour(host);
            await using var daemon = await StartAsync(data, $"-rpcallowip={neighbour}/32", $"-rpcallowip={neighbour}/255.255.255.255", "-rpcallowip=10.0.0.0/8");
            Assert.Equal(HttpStatusCode.Forbidden, await HostAddress.PostGetBlockCountAsync(host, daemon.RpcPort, Credentials));
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            using var rest = await http.GetAsync(new Uri($"http://{host}:{daemon.RpcPort}/rest/chaininfo.json"));
            Assert.Equal(HttpStatusCode.Forbidden, rest.StatusCode);

            // Loopback stays allowed whatever -rpcallowip lists.
            Assert.Equal(HttpStatusCode.OK, await HostAddress.PostGetBlockCountAsync(IPAddress.Loopback, daemon.RpcPort, Credentials));
        }
    }
}
