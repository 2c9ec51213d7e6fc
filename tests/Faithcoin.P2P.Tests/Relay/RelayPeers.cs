using System.Net;
using Faithcoin.P2P.Tests.Infrastructure;
using Faithcoin.P2P.Wire;
using NBitcoin;

namespace Faithcoin.P2P.Tests.Relay;

/// <summary>Nodes and peers set up for transaction relay tests.</summary>
internal static class RelayPeers
{
    /// <summary>Trickles every 200 ms on average, so announcements arrive within a test's patience.</summary>
    public static P2POptions FastTrickle() =>
        TestNode.DefaultOptions() with { InventoryBroadcastInterval = TimeSpan.FromMilliseconds(200) };

    /// <summary>Every loopback peer whitelisted: trickles on every message pass, so "nothing came" is provable with pings.</summary>
    public static P2POptions Whitelisted() =>
        FastTrickle() with { Whitelist = [IPNetwork.Parse("127.0.0.0/8")] };

    /// <summary>A raw peer past the handshake, known to the node as fully connected.</summary>
    public static async Task<RawPeer> ConnectAsync(TestNode node, bool relay = true)
    {
        var peer = await RawPeer.ConnectAsync(node.Endpoint);
        await peer.HandshakeAsync(relay);
        await peer.SyncWithPingAsync();
        return peer;
    }

    /// <summary>Reads until an inv that lists <paramref name="txid"/>; the inv's transaction ids.</summary>
    public static async Task<List<uint256>> ReadAnnouncementAsync(RawPeer peer, uint256 txid) =>
        Payloads.TransactionIds(await peer.ReadUntilAsync(
            NetCommands.Inv, m => Payloads.TransactionIds(m).Contains(txid), TimeSpan.FromSeconds(5)));

    public static bool WasAnnounced(RawPeer peer, uint256 txid) =>
        peer.Received.Any(m => Payloads.TransactionIds(m).Contains(txid));
}
