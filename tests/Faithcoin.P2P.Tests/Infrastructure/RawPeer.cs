using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Faithcoin.Consensus.Chain;
using Faithcoin.P2P.Wire;
using Faithcoin.P2P.Wire.Payloads;

namespace Faithcoin.P2P.Tests.Infrastructure;

/// <summary>
/// A hand-driven peer on a real socket: writes whatever bytes a test wants (well-formed or hostile) and reads
/// messages with its own framing code, so the tests do not check the node's framing with itself.
/// </summary>
public sealed class RawPeer : IAsyncDisposable
{
    public static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(5);

    private readonly Socket socket;
    private readonly NetworkStream stream;
    private readonly byte[] magic;

    private RawPeer(Socket socket, byte[] magic)
    {
        this.socket = socket;
        stream = new NetworkStream(socket, ownsSocket: false);
        this.magic = magic;
    }

    public List<RawMessage> Received { get; } = [];

    public IPEndPoint LocalEndPoint => (IPEndPoint)socket.LocalEndPoint!;

    public static async Task<RawPeer> ConnectAsync(IPEndPoint endpoint, int receiveBufferSize = 0)
    {
        var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        if (receiveBufferSize > 0)
        {
            socket.ReceiveBufferSize = receiveBufferSize;
        }

        using var timeout = new CancellationTokenSource(DefaultWait);
        await socket.ConnectAsync(endpoint, timeout.Token);
        return new RawPeer(socket, ChainParams.Regtest.MessageStart.ToArray());
    }

    public static RawPeer FromAccepted(Socket socket) => new(socket, ChainParams.Regtest.MessageStart.ToArray());

    public static byte[] Frame(byte[] magic, string command, byte[] payload, uint? lengthOverride = null, uint? checksumOverride = null)
    {
        var message = new byte[24 + payload.Length];
        magic.CopyTo(message, 0);
        Encoding.ASCII.GetBytes(command).CopyTo(message, 4);
        BinaryPrimitives.WriteUInt32LittleEndian(message.AsSpan(16), lengthOverride ?? (uint)payload.Length);
        var hash = SHA256.HashData(SHA256.HashData(payload));
        BinaryPrimitives.WriteUInt32LittleEndian(message.AsSpan(20), checksumOverride ?? BinaryPrimitives.ReadUInt32LittleEndian(hash));
        payload.CopyTo(message, 24);
        return message;
    }

    public Task SendAsync(string command, byte[] payload) => SendRawAsync(Frame(magic, command, payload));

    public async Task SendRawAsync(byte[] bytes)
    {
        using var timeout = new CancellationTokenSource(DefaultWait);
        await stream.WriteAsync(bytes, timeout.Token);
    }

    /// <param name="seenAs">The address the version says we see the node at (addr_recv); zeros when null.</param>
    public Task SendVersionAsync(
        int version = ProtocolVersions.Current, ulong nonce = 0x1122334455667788, string userAgent = "/raw:1/", bool relay = true, IPEndPoint? seenAs = null) =>
        SendAsync(NetCommands.Version, VersionMessageCodec.Write(new VersionMessage
        {
            Version = version,
            Services = ServiceFlags.Network | ServiceFlags.Witness,
            Timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            Receiver = seenAs is null ? WireAddress.None(ServiceFlags.None) : new WireAddress(ServiceFlags.None, seenAs.Address, seenAs.Port),
            Nonce = nonce,
            UserAgent = userAgent,
            StartHeight = 0,
            Relay = relay,
        }));

    /// <summary>Sends version and verack and reads until the node's verack.</summary>
    public async Task HandshakeAsync(bool relay = true, IPEndPoint? seenAs = null)
    {
        await SendVersionAsync(relay: relay, seenAs: seenAs);
        await ReadUntilAsync(NetCommands.Verack);
        await SendAsync(NetCommands.Verack, []);
    }

    /// <summary>Proves the node is still there and has processed everything sent before: ping, wait for the pong.</summary>
    public async Task SyncWithPingAsync(ulong nonce = 0xabcdef)
    {
        var payload = new byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(payload, nonce);
        await SendAsync(NetCommands.Ping, payload);
        await ReadUntilAsync(NetCommands.Pong, m => BinaryPrimitives.ReadUInt64LittleEndian(m.Payload) == nonce);
    }

    public async Task<RawMessage> ReadAsync(TimeSpan? wait = null)
    {
        using var timeout = new CancellationTokenSource(wait ?? DefaultWait);
        var header = new byte[24];
        await stream.ReadExactlyAsync(header, timeout.Token);
        var length = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(16));
        var payload = new byte[length];
        await stream.ReadExactlyAsync(payload, timeout.Token);
        var command = Encoding.ASCII.GetString(header, 4, 12).TrimEnd('\0');
        var message = new RawMessage(command, payload);
        Received.Add(message);
        return message;
    }

    public async Task<RawMessage> ReadUntilAsync(string command, Func<RawMessage, bool>? predicate = null, TimeSpan? wait = null)
    {
        var deadline = DateTime.UtcNow + (wait ?? DefaultWait);
        while (true)
        {
            var remaining = deadline - DateTime.UtcNow;
            if (remaining <= TimeSpan.Zero)
            {
                throw new TimeoutException($"no {command} message");
            }

            var message = await ReadAsync(remaining);
            if (message.Command == command && (predicate is null || predicate(message)))
            {
                return message;
            }
        }
    }

    /// <summary>True when the node closes the connection within <paramref name="wait"/> (whatever it sent first is skipped).</summary>
    public async Task<bool> WaitForDisconnectAsync(TimeSpan? wait = null)
    {
        using var timeout = new CancellationTokenSource(wait ?? DefaultWait);
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                var read = await stream.ReadAsync(buffer, timeout.Token);
                if (read == 0)
                {
                    return true;
                }
            }
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
        socket.Dispose();
        return ValueTask.CompletedTask;
    }
}
