using System.Globalization;
using Faithcoin.P2P.Net;
using Faithcoin.P2P.Peers;
using Faithcoin.P2P.Wire;
using Faithcoin.P2P.Wire.Payloads;
using Microsoft.Extensions.Logging;
using NBitcoin.Protocol;
using AddressManager = Faithcoin.P2P.Peers.AddressManager;
using RejectCode = Faithcoin.Consensus.Validation.RejectCode;
using ServiceFlags = Faithcoin.P2P.Wire.ServiceFlags;

namespace Faithcoin.P2P.Protocol;

/// <summary>
/// version and verack as 0.15 handles them: one version per connection, obsolete and self connections dropped,
/// inbound peers answered with our version, verack, getaddr to outbound peers; after verack the preferences
/// (sendheaders, then sendcmpct version 2 and version 1, not yet asking for compact announcements: HighBandwidthPeers does that later).
/// </summary>
public sealed partial class HandshakeHandler
{
    private readonly P2POptions options;
    private readonly VersionMessageFactory versions;
    private readonly IConnectionDirectory directory;
    private readonly AddressManager addresses;
    private readonly TimeProvider time;
    private readonly ILogger logger;

    public HandshakeHandler(
        P2POptions options,
        VersionMessageFactory versions,
        IConnectionDirectory directory,
        AddressManager addresses,
        TimeProvider time,
        ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(versions);
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        this.options = options;
        this.versions = versions;
        this.directory = directory;
        this.addresses = addresses;
        this.time = time;
        this.logger = logger;
    }

    /// <summary>PushNodeVersion.</summary>
    public void SendVersion(PeerConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        connection.Send(NetCommands.Version, VersionMessageCodec.Write(versions.Create(connection)));
    }

    public void HandleVersion(PeerContext peer, NetFrame frame)
    {
        ArgumentNullException.ThrowIfNull(peer);
        ArgumentNullException.ThrowIfNull(frame);
        var connection = peer.Connection;
        if (peer.State.VersionReceived)
        {
            peer.SendReject(new RejectMessage(NetCommands.Version, RejectCode.Duplicate, "Duplicate version message"));
            peer.Misbehaving(1, "duplicate version message");
            return;
        }

        var version = VersionMessageCodec.Read(frame.Payload);
        var missing = connection.ExpectedServices & ~version.Services;
        if (!connection.IsInbound && missing != ServiceFlags.None)
        {
            var expected = ((ulong)connection.ExpectedServices).ToString("x8", CultureInfo.InvariantCulture);
            peer.SendReject(new RejectMessage(NetCommands.Version, RejectCode.Nonstandard, $"Expected to offer services {expected}"));
            connection.Disconnect($"does not offer the expected services ({(ulong)version.Services:x8} offered, {expected} expected)");
            return;
        }

        if (version.Version < ProtocolVersions.MinPeer)
        {
            peer.SendReject(new RejectMessage(
                NetCommands.Version,
                RejectCode.Obsolete,
                string.Create(CultureInfo.InvariantCulture, $"Version must be {ProtocolVersions.MinPeer} or greater")));
            connection.Disconnect(string.Create(CultureInfo.InvariantCulture, $"using obsolete version {version.Version}"));
            return;
        }

        if (connection.IsInbound && !directory.CheckIncomingNonce(version.Nonce))
        {
            connection.Disconnect($"connected to self at {connection.RemoteEndPoint}");
            return;
        }

        // Be shy: an inbound peer hears our version only after we heard its.
        if (connection.IsInbound)
        {
            SendVersion(connection);
        }

        peer.SendEmpty(NetCommands.Verack);
        var state = peer.State;
        state.Services = version.Services;
        state.UserAgent = FrameDecoder.Sanitize(version.UserAgent);
        state.StartHeight = version.StartHeight;
        state.RelayTransactions = version.Relay;
        state.HaveWitness = (version.Services & ServiceFlags.Witness) != 0;
        state.TimeOffset = TimeSpan.FromSeconds(version.Timestamp - time.GetUtcNow().ToUnixTimeSeconds());
        state.Version = version.Version;
        state.Addresses.SeenAs = IsValid(version.Receiver.Address) ? new(AddressClass.Normalize(version.Receiver.Address), version.Receiver.Port) : null;
        if (!connection.IsInbound)
        {
            peer.Send(NetCommands.GetAddr, new GetAddrPayload());
            state.AwaitingAddr = true;
            addresses.Good(connection.RemoteEndPoint);
        }

        var remote = options.LogIps ? ", peeraddr=" + connection.RemoteEndPoint : string.Empty;
        LogVersion(logger, state.UserAgent, version.Version, version.StartHeight, version.Receiver.Address.ToString(), peer.Id, remote);
    }

    public void HandleVerack(PeerContext peer)
    {
        ArgumentNullException.ThrowIfNull(peer);
        var version = peer.State.Version;
        if (version >= ProtocolVersions.SendHeaders)
        {
            peer.Send(NetCommands.SendHeaders, new SendHeadersPayload());
        }

        if (version >= ProtocolVersions.ShortIdsBlocks)
        {
            if ((options.LocalServices & ServiceFlags.Witness) != 0)
            {
                peer.Send(NetCommands.SendCmpct, new SendCmpctPayload(false) { Version = 2 });
            }

            peer.Send(NetCommands.SendCmpct, new SendCmpctPayload(false) { Version = 1 });
        }

        peer.Connection.MarkHandshakeComplete();
    }

    /// <summary>
    /// The address manager's side of FinalizeNode: an outbound peer that completed the handshake and never
    /// misbehaved has its last-seen time refreshed (AddressCurrentlyConnected).
    /// </summary>
    public void PeerGone(PeerContext peer)
    {
        ArgumentNullException.ThrowIfNull(peer);
        var connection = peer.Connection;
        if (!connection.IsInbound && connection.HandshakeComplete && peer.State.Misbehaviour.Score == 0)
        {
            addresses.Connected(connection.RemoteEndPoint);
        }
    }

    // CNetAddr::IsValid for what a version message can carry: not the all-zeros (any) address.
    private static bool IsValid(System.Net.IPAddress address)
    {
        var normalized = AddressClass.Normalize(address);
        return !normalized.Equals(System.Net.IPAddress.Any) && !normalized.Equals(System.Net.IPAddress.IPv6Any) && !normalized.Equals(System.Net.IPAddress.None);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "receive version message: {UserAgent}: version {Version}, blocks={Height}, us={Us}, peer={Peer}{Remote}")]
    private static partial void LogVersion(ILogger logger, string userAgent, int version, int height, string us, long peer, string remote);
}
