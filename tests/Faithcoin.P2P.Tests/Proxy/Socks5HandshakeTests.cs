using System.Net;
using System.Net.Sockets;
using Faithcoin.P2P.Net.Socks;

namespace Faithcoin.P2P.Tests.Proxy;

/// <summary>The SOCKS5 client against scripted proxies on loopback: every bad answer is a clean failure, never a hang.</summary>
public sealed class Socks5HandshakeTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData(0x01, "general failure")]
    [InlineData(0x05, "connection refused")]
    [InlineData(0x08, "address type not supported")]
    [InlineData(0x7f, "unknown")]
    public async Task ReplyCodesAreWordedAs015(byte code, string words)
    {
        await using var socks = new Socks5TestServer(new IPEndPoint(IPAddress.Loopback, 1)) { Answer = _ => code };
        var e = await Assert.ThrowsAsync<Socks5Exception>(() => HandshakeAsync(socks.Endpoint, TimeSpan.FromSeconds(5)));
        Assert.Equal(words, e.Message);
    }

    [Fact]
    public async Task SilentProxyTimesOut()
    {
        await using var socks = new Socks5TestServer { Silent = true };
        await Assert.ThrowsAsync<TimeoutException>(() => HandshakeAsync(socks.Endpoint, TimeSpan.FromMilliseconds(200)));
    }

    [Theory]
    [InlineData(new byte[] { 0x04, 0x00 }, "Proxy failed to initialize")]
    [InlineData(new byte[] { 0x05, 0xFF }, "Proxy requested wrong authentication method ff")]
    [InlineData(new byte[] { 0x05, 0x00, 0x05, 0x00, 0x01, 0x09 }, "Error: malformed proxy response")]
    [InlineData(new byte[] { 0x05, 0x00, 0x05, 0x00, 0x00, 0x09 }, "Error: malformed proxy response")]
    [InlineData(new byte[] { 0x05, 0x00, 0x05, 0x00, 0x00, 0x01, 0x01 }, "Error reading from proxy")]
    [InlineData(new byte[] { 0x05 }, "Error reading from proxy")]
    public async Task HostileAnswersFailCleanly(byte[] script, string message)
    {
        using var proxy = new TcpListener(IPAddress.Loopback, 0);
        proxy.Start();
        var serving = ServeScriptAsync(proxy, script);

        var e = await Assert.ThrowsAsync<Socks5Exception>(() => HandshakeAsync((IPEndPoint)proxy.LocalEndpoint, TimeSpan.FromSeconds(5)));
        Assert.Equal(message, e.Message);
        await serving.WaitAsync(Guard);
    }

    [Fact]
    public async Task NamesLongerThan255BytesAreRefusedBeforeSending()
    {
        await using var socks = new Socks5TestServer();
        var e = await Assert.ThrowsAsync<Socks5Exception>(() => HandshakeAsync(socks.Endpoint, TimeSpan.FromSeconds(5), new string('a', 256)));
        Assert.Equal("Hostname too long", e.Message);
    }

    private static async Task HandshakeAsync(IPEndPoint proxy, TimeSpan receiveTimeout, string host = "peer.faithcoin.invalid")
    {
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(proxy);
        await using var stream = new NetworkStream(socket);
        await new Socks5Handshake(receiveTimeout).ConnectAsync(stream, host, 9666, null, CancellationToken.None).WaitAsync(Guard);
    }

    // Sends the scripted bytes once the client spoke, then hangs up.
    private static async Task ServeScriptAsync(TcpListener proxy, byte[] script)
    {
        using var client = await proxy.AcceptSocketAsync();
        var greeting = new byte[3];
        await client.ReceiveAsync(greeting);
        await client.SendAsync(script);
        await Task.Delay(300);
        client.Shutdown(SocketShutdown.Both);
    }
}
