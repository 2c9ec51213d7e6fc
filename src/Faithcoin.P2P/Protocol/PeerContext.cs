using Faithcoin.P2P.Net;
using Faithcoin.P2P.Wire;
using Faithcoin.P2P.Wire.Payloads;
using Microsoft.Extensions.Logging;
using NBitcoin;

namespace Faithcoin.P2P.Protocol;

/// <summary>A peer as a message handler sees it: its connection, its state, and the ways to answer or punish it.</summary>
public sealed partial class PeerContext
{
    private readonly PayloadSerializer serializer;
    private readonly ILogger logger;

    public PeerContext(PeerConnection connection, PeerState state, PayloadSerializer serializer, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(serializer);
        ArgumentNullException.ThrowIfNull(logger);
        Connection = connection;
        State = state;
        this.serializer = serializer;
        this.logger = logger;
    }

    public PeerConnection Connection { get; }

    public PeerState State { get; }

    public long Id => Connection.Id;

    public PayloadSerializer Serializer => serializer;

    public void Send(string command, byte[] payload) => Connection.Send(command, payload);

    public void Send(string command, IBitcoinSerializable payload, TransactionOptions options = TransactionOptions.All) =>
        Connection.Send(command, serializer.Serialize(payload, options));

    public void SendEmpty(string command) => Connection.Send(command, []);

    /// <summary>getheaders; the locator carries the send version (min of theirs and ours) as 0.15 serializes it.</summary>
    public void SendGetHeaders(BlockLocator locator, uint256 hashStop)
    {
        var version = Math.Min(State.Version == 0 ? ProtocolVersions.Current : State.Version, ProtocolVersions.Current);
        Send(NetCommands.GetHeaders, new NBitcoin.Protocol.GetHeadersPayload(locator) { HashStop = hashStop, Version = (uint)version });
    }

    public void SendReject(RejectMessage reject) => Connection.Send(NetCommands.Reject, RejectMessageCodec.Write(reject));

    /// <summary>Misbehaving(): adds to the score; crossing -banscore marks the peer for banning after this message.</summary>
    public void Misbehaving(int howMuch, string reason)
    {
        var before = State.Misbehaviour.Score;
        var crossed = State.Misbehaviour.Add(howMuch);
        LogMisbehaving(logger, Connection.RemoteEndPoint.ToString(), Id, before, before + howMuch, crossed ? " BAN THRESHOLD EXCEEDED" : string.Empty, reason);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Misbehaving: {Address} peer={Peer} ({Before} -> {After}){Threshold}: {Reason}")]
    private static partial void LogMisbehaving(ILogger logger, string address, long peer, int before, int after, string threshold, string reason);
}
