using System.Globalization;
using System.Security.Cryptography;
using Faithcoin.P2P.Wire;
using Faithcoin.P2P.Wire.Payloads;
using Microsoft.Extensions.Logging;
using NBitcoin.Protocol;

namespace Faithcoin.P2P.Protocol;

/// <summary>
/// ping and pong: answer every ping with its nonce; send our own every PING_INTERVAL (the first right after
/// the handshake), match pongs by nonce, and drop a peer whose pong is TIMEOUT_INTERVAL late.
/// </summary>
public sealed partial class PingHandler : IMessageHandler
{
    private readonly TimeSpan pingInterval;
    private readonly TimeSpan timeout;
    private readonly TimeProvider time;
    private readonly ILogger logger;

    public PingHandler(TimeSpan pingInterval, TimeSpan timeout, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        this.pingInterval = pingInterval;
        this.timeout = timeout;
        this.time = time;
        this.logger = logger;
    }

    public IReadOnlyCollection<string> Commands { get; } = [NetCommands.Ping, NetCommands.Pong];

    public ValueTask HandleAsync(PeerContext peer, NetFrame frame, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(peer);
        ArgumentNullException.ThrowIfNull(frame);
        if (frame.Command == NetCommands.Ping)
        {
            // Every peer we keep is past BIP31, so a ping always carries a nonce to echo.
            var ping = peer.Serializer.Deserialize<PingPayload>(frame.Payload);
            peer.Send(NetCommands.Pong, new PongPayload { Nonce = ping.Nonce });
        }
        else
        {
            HandlePong(peer, frame.Payload);
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>The ping part of SendMessages; also enforces the ping timeout.</summary>
    public void SendPingIfDue(PeerContext peer)
    {
        ArgumentNullException.ThrowIfNull(peer);
        var state = peer.State;
        var now = time.GetUtcNow();
        if (state.PingNonceSent != 0 && state.PingStart is { } started && now - started > timeout)
        {
            peer.Connection.Disconnect(string.Create(CultureInfo.InvariantCulture, $"ping timeout: {(now - started).TotalSeconds:F0}s"));
            return;
        }

        var due = state.PingNonceSent == 0 && (state.PingStart is null || state.PingStart.Value + pingInterval < now);
        if (!state.PingQueued && !due)
        {
            return;
        }

        ulong nonce = 0;
        while (nonce == 0)
        {
            nonce = BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8));
        }

        state.PingQueued = false;
        state.PingStart = now;
        state.PingNonceSent = nonce;
        peer.Send(NetCommands.Ping, new PingPayload { Nonce = nonce });
    }

    private void HandlePong(PeerContext peer, byte[] payload)
    {
        var state = peer.State;
        var finished = false;
        string? problem = null;
        ulong nonce = 0;
        if (payload.Length >= sizeof(ulong))
        {
            nonce = new PayloadReader(payload).ReadUInt64();
            if (state.PingNonceSent == 0)
            {
                problem = "Unsolicited pong without ping";
            }
            else if (nonce == state.PingNonceSent)
            {
                finished = true;
                var elapsed = time.GetUtcNow() - state.PingStart!.Value;
                if (elapsed >= TimeSpan.Zero)
                {
                    state.LastPingTime = elapsed;
                    state.MinPingTime = state.MinPingTime is { } min && min < elapsed ? min : elapsed;
                }
                else
                {
                    problem = "Timing mishap";
                }
            }
            else
            {
                problem = nonce == 0 ? "Nonce zero" : "Nonce mismatch";
                finished = nonce == 0;
            }
        }
        else
        {
            finished = true;
            problem = "Short payload";
        }

        if (problem is not null)
        {
            LogPongProblem(logger, peer.Id, problem, state.PingNonceSent, nonce);
        }

        if (finished)
        {
            state.PingNonceSent = 0;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "pong peer={Peer}: {Problem}, {Expected:x16} expected, {Received:x16} received")]
    private static partial void LogPongProblem(ILogger logger, long peer, string problem, ulong expected, ulong received);
}
