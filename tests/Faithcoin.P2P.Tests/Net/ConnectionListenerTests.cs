using System.Net;
using System.Net.Sockets;
using Faithcoin.P2P.Net;
using Microsoft.Extensions.Logging.Abstractions;

namespace Faithcoin.P2P.Tests.Net;

public sealed class ConnectionListenerTests
{
    [Fact]
    public async Task ASecondListenerOnTheSamePortIsRefused()
    {
        await using var first = new ConnectionListener(
            new IPEndPoint(IPAddress.Loopback, 0), s => s.Dispose(), NullLogger.Instance);
        first.Start();

        // Two daemons sharing a port would split incoming peers between them; the original refuses to start.
        await using var second = new ConnectionListener(
            new IPEndPoint(IPAddress.Loopback, first.LocalEndPoint.Port), s => s.Dispose(), NullLogger.Instance);
        var error = Assert.Throws<SocketException>(second.Start);
        Assert.Equal(SocketError.AddressAlreadyInUse, error.SocketErrorCode);
    }

    [Fact]
    public async Task APortCanBeBoundAgainRightAfterItsListenerCloses()
    {
        int port;
        await using (var first = new ConnectionListener(
            new IPEndPoint(IPAddress.Loopback, 0), s => s.Dispose(), NullLogger.Instance))
        {
            first.Start();
            port = first.LocalEndPoint.Port;
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port);
        }

        await using var again = new ConnectionListener(
            new IPEndPoint(IPAddress.Loopback, port), s => s.Dispose(), NullLogger.Instance);
        again.Start();
        Assert.Equal(port, again.LocalEndPoint.Port);
    }
}
