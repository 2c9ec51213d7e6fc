using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Faithcoin.Consensus.Chain;
using Faithcoin.P2P.Wire;
using Faithcoin.P2P.Wire.Payloads;

namespace Faithcoin.Node.Tests.EndToEnd;

/// <summary>A bare P2P peer on a socket for daemon tests: frames by hand, handshakes, reads messages.</summary>
public sealed class WirePeer : IAsyncDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private readonly TcpClient client;
    private readonly NetworkStream stream;
    private readonly byte[] magic = ChainParams.Regtest.MessageStart.ToArray();

    private WirePeer(TcpClient client)
    {
        this.client = client;
        stream = client.GetStream();
    }

    public static async Task<WirePeer> ConnectAsync(int port)
    {
        var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port).WaitAsync(Wait);
        return new WirePeer(client);
    }

    /// <param name="seenAs">The address our version says we see the node at (addr_recv); zeros when null.</param>
    public async Task HandshakeAsync(IPEndPoint? seenAs = null)
    {
        await SendAsync(NetCommands.Version, VersionMessageCodec.Write(new VersionMessage
        {
            Version = ProtocolVersions.Current,
            Services = ServiceFlags.Network | ServiceFlags.Witness,
            Timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            Receiver = seenAs is null ? WireAddress.None(ServiceFlags.None) : new WireAddress(ServiceFlags.None, seenAs.Address, seenAs.Port),
            Sender = WireAddress.None(ServiceFlags.None),
            Nonce = 0x5eed,
            UserAgent = "/wire:1/",
            StartHeight = 0,
            Relay = true,
        }));
        await ReadUntilAsync(NetCommands.Verack);
        await SendAsync(NetCommands.Verack, []);
    }

    public async Task SendAsync(string command, byte[] payload)
    {
        var message = new byte[24 + payload.Length];
        magic.CopyTo(message, 0);
        Encoding.ASCII.GetBytes(command).CopyTo(message, 4);
        BinaryPrimitives.WriteUInt32LittleEndian(message.AsSpan(16), (uint)payload.Length);
        SHA256.HashData(SHA256.HashData(payload)).AsSpan(0, 4).CopyTo(message.AsSpan(20));
        payload.CopyTo(message, 24);
        await stream.WriteAsync(message).AsTask().WaitAsync(Wait);
    }

    /// <summary>Reads messages until one named <paramref name="command"/> that satisfies <paramref name="predicate"/>; its payload.</summary>
    public async Task<byte[]> ReadUntilAsync(string command, Func<byte[], bool>? predicate = null)
    {
        using var timeout = new CancellationTokenSource(Wait);
        while (true)
        {
            var header = new byte[24];
            await stream.ReadExactlyAsync(header, timeout.Token);
            var payload = new byte[BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(16))];
            await stream.ReadExactlyAsync(payload, timeout.Token);
            if (Encoding.ASCII.GetString(header, 4, 12).TrimEnd('\0') == command && (predicate is null || predicate(payload)))
            {
                return payload;
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        stream.Dispose();
        client.Dispose();
        return ValueTask.CompletedTask;
    }
}
