using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Faithcoin.Consensus.Chain;
using Faithcoin.P2P.Wire;
using Faithcoin.P2P.Wire.Payloads;

namespace Faithcoin.Node.Tests.EndToEnd;

/// <summary>
/// -peerbloomfilters through the real daemon: on by default, NODE_BLOOM (bit 2, value 4) is in getnetworkinfo's
/// localservices (0.15 reports "000000000000000d": network, bloom, witness) and in the version message peers get;
/// -peerbloomfilters=0 takes it out of both, and a filterload then costs the peer its connection.
/// </summary>
[Collection(DaemonCollection.Name)]
public sealed class BloomServiceEndToEndTests
{
    [Fact]
    public async Task BloomIsOfferedByDefault()
    {
        await using var node = await P2PNodeHandle.StartAsync();

        Assert.Equal("000000000000000d", (await node.ResultAsync("getnetworkinfo")).GetProperty("localservices").GetString());
        await using var peer = await VersionPeer.ConnectAsync(node.P2PPort);
        Assert.Equal(ServiceFlags.Network | ServiceFlags.Bloom | ServiceFlags.Witness, peer.TheirVersion?.Services);
    }

    [Fact]
    public async Task PeerbloomfiltersZeroTakesTheBitAwayAndFilterloadGetsThePeerDropped()
    {
        await using var node = await P2PNodeHandle.StartAsync("-peerbloomfilters=0");

        Assert.Equal("0000000000000009", (await node.ResultAsync("getnetworkinfo")).GetProperty("localservices").GetString());
        await using var peer = await VersionPeer.ConnectAsync(node.P2PPort);
        Assert.Equal(ServiceFlags.Network | ServiceFlags.Witness, peer.TheirVersion?.Services);

        await peer.SendAsync(NetCommands.FilterLoad, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        Assert.True(await peer.WaitForCloseAsync(TimeSpan.FromSeconds(20)));
    }

    /// <summary>Just enough of a peer to hear the daemon's version: version, verack, then read frames.</summary>
    private sealed class VersionPeer : IAsyncDisposable
    {
        private readonly TcpClient client;
        private readonly NetworkStream stream;
        private readonly MessageFramer framer = new(ChainParams.Regtest.Magic);

        private VersionPeer(TcpClient client)
        {
            this.client = client;
            stream = client.GetStream();
        }

        public VersionMessage? TheirVersion { get; private set; }

        public static async Task<VersionPeer> ConnectAsync(int port)
        {
            var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port);
            var peer = new VersionPeer(client);
            await peer.SendAsync(NetCommands.Version, VersionMessageCodec.Write(new VersionMessage
            {
                Version = ProtocolVersions.Current,
                Services = ServiceFlags.Network | ServiceFlags.Witness,
                Timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                Receiver = WireAddress.None(ServiceFlags.None),
                Sender = WireAddress.None(ServiceFlags.None),
                Nonce = 0x5151,
                UserAgent = "/bloom-e2e:1/",
                Relay = true,
            }));
            while (await peer.ReadAsync() is var (command, payload) && command != NetCommands.Verack)
            {
                if (command == NetCommands.Version)
                {
                    peer.TheirVersion = VersionMessageCodec.Read(payload);
                }
            }

            await peer.SendAsync(NetCommands.Verack, []);
            return peer;
        }

        public async Task SendAsync(string command, byte[] payload)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await stream.WriteAsync(framer.Frame(command, payload), timeout.Token);
        }

        public async Task<bool> WaitForCloseAsync(TimeSpan wait)
        {
            using var timeout = new CancellationTokenSource(wait);
            var buffer = new byte[4096];
            try
            {
                while (await stream.ReadAsync(buffer, timeout.Token) > 0)
                {
                }

                return true;
            }
            catch (OperationCanceledException)
            {
                return false;
            }
            catch (IOException)
            {
                return true;
            }
        }

        public ValueTask DisposeAsync()
        {
            stream.Dispose();
            client.Dispose();
            return ValueTask.CompletedTask;
        }

        private async Task<(string Command, byte[] Payload)> ReadAsync()
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            var header = new byte[24];
            await stream.ReadExactlyAsync(header, timeout.Token);
            var payload = new byte[BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(16))];
            await stream.ReadExactlyAsync(payload, timeout.Token);
            return (Encoding.ASCII.GetString(header, 4, 12).TrimEnd('\0'), payload);
        }
    }
}
