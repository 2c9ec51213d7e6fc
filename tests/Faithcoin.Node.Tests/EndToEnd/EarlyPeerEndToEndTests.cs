using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Faithcoin.P2P.Tests.Infrastructure;
using Faithcoin.P2P.Wire;
using Faithcoin.P2P.Wire.Payloads;

namespace Faithcoin.Node.Tests.EndToEnd;

/// <summary>
/// The P2P port of a restarting faithcoind accepts before the chain is loaded (Kubernetes probes it); a peer that
/// connects then waits, unanswered, and completes the handshake with the loaded chain's height once the node is ready.
/// </summary>
[Collection(DaemonCollection.Name)]
public sealed class EarlyPeerEndToEndTests
{
    private const string Credentials = "user:pass";
    private const string Address = "mkHS9ne12qx9pS9VojpwU5xtRd4T7X7ZUt";
    private const int Height = 30;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task APeerConnectingAsTheNodeStartsIsHandshakedWithTheLoadedChain()
    {
        using var data = new TempDirectory();
        var rpcPort = DaemonProcess.FreePort();
        var p2pPort = DaemonProcess.FreePort();
        string[] common =
        [
            "-regtest", $"-datadir={data.Path}", $"-rpcport={rpcPort}", $"-port={p2pPort}", "-bind=127.0.0.1",
            "-rpcuser=user", "-rpcpassword=pass", "-printtoconsole", "-debug=net",
        ];
        await using (var first = DaemonProcess.Start(rpcPort, common))
        {
            await first.WaitUntilReadyAsync(() => Credentials, Timeout);
            await CallAsync(first, "generatetoaddress", $"{Height}, \"{Address}\"");
            await CallAsync(first, "stop");
            Assert.Equal(0, await first.WaitForExitAsync(Timeout));
        }

        await using var restarted = DaemonProcess.Start(rpcPort, common);
        using var socket = await ConnectAsSoonAsListeningAsync(restarted, p2pPort);
        await using var peer = RawPeer.FromAccepted(socket);
        await peer.SendVersionAsync();

        var version = await peer.ReadAsync(Timeout);
        Assert.Equal(NetCommands.Version, version.Command);
        Assert.Equal(Height, VersionMessageCodec.Read(version.Payload).StartHeight);
        await peer.ReadUntilAsync(NetCommands.Verack, wait: Timeout);
        await peer.SendAsync(NetCommands.Verack, []);
        await peer.SyncWithPingAsync();

        await restarted.WaitUntilReadyAsync(() => Credentials, Timeout);
        var info = Assert.Single((await CallAsync(restarted, "getpeerinfo")).EnumerateArray());
        Assert.Equal(70015, info.GetProperty("version").GetInt32());
        Assert.True(info.GetProperty("inbound").GetBoolean());

        // The order that lets the port accept during the load, whichever moment the peer happened to arrive at.
        var log = restarted.Stdout;
        var bound = log.IndexOf($"Bound to 127.0.0.1:{p2pPort}", StringComparison.Ordinal);
        var loading = log.IndexOf("Loading block index...", StringComparison.Ordinal);
        Assert.True(bound >= 0 && bound < loading, log);
        await CallAsync(restarted, "stop");
        Assert.Equal(0, await restarted.WaitForExitAsync(Timeout));
    }

    /// <summary>Tries to connect every few milliseconds from the moment the process is started.</summary>
    private static async Task<Socket> ConnectAsSoonAsListeningAsync(DaemonProcess daemon, int port)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (true)
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                await socket.ConnectAsync(IPAddress.Loopback, port);
                return socket;
            }
            catch (SocketException)
            {
                socket.Dispose();
                Assert.False(daemon.HasExited, $"faithcoind exited before listening: {daemon.Stderr}\n{daemon.Stdout}");
                Assert.True(DateTime.UtcNow < deadline, $"port {port} never accepted\n{daemon.Stdout}");
                await Task.Delay(5);
            }
        }
    }

    private static async Task<JsonElement> CallAsync(DaemonProcess daemon, string method, string parameters = "")
    {
        var (_, reply) = await daemon.CallAsync($$"""{"method":"{{method}}","params":[{{parameters}}],"id":1}""", Credentials);
        Assert.Equal(JsonValueKind.Null, reply.GetProperty("error").ValueKind);
        return reply.GetProperty("result");
    }
}
