using System.Net;
using Faithcoin.P2P.Protocol.Bloom;
using Faithcoin.P2P.Tests.Infrastructure;
using Faithcoin.P2P.Wire;
using Faithcoin.P2P.Wire.Payloads;
using NBitcoin;
using BloomFilter = Faithcoin.P2P.Protocol.Bloom.BloomFilter;

namespace Faithcoin.P2P.Tests.Bloom;

/// <summary>Nodes offering NODE_BLOOM (as faithcoind does by default) and the filter messages light clients send.</summary>
internal static class BloomPeers
{
    public const ServiceFlags WithBloom = ServiceFlags.Network | ServiceFlags.Witness | ServiceFlags.Bloom;

    /// <summary>Bloom served, trickles every 200 ms on average.</summary>
    public static P2POptions Serving() =>
        TestNode.DefaultOptions() with { LocalServices = WithBloom, InventoryBroadcastInterval = TimeSpan.FromMilliseconds(200) };

    /// <summary>Bloom served, loopback whitelisted: trickles on every pass, so "no inv came" is provable with pings.</summary>
    public static P2POptions ServingWhitelisted() => Serving() with { Whitelist = [IPNetwork.Parse("127.0.0.0/8")] };

    /// <summary>A filterload payload for a filter holding <paramref name="elements"/>.</summary>
    public static byte[] FilterLoad(BloomUpdate update, params byte[][] elements)
    {
        var filter = BloomFilter.Create(10, 0.000001, 5, (byte)update);
        foreach (var element in elements)
        {
            filter.Insert(element);
        }

        return filter.ToBytes();
    }

    public static byte[] FilterLoad(params uint256[] txids) => FilterLoad(BloomUpdate.All, txids.Select(t => t.ToBytes()).ToArray());

    /// <summary>A filterload payload written by hand, for sizes a client may not send.</summary>
    public static byte[] RawFilterLoad(int size, uint hashFunctions) =>
        new PayloadWriter().WriteCompactSize((ulong)size).WriteBytes(new byte[size]).WriteUInt32(hashFunctions).WriteUInt32(0).WriteByte(0).ToArray();

    public static byte[] FilterAdd(int size) => new PayloadWriter().WriteCompactSize((ulong)size).WriteBytes(new byte[size]).ToArray();

    /// <summary>A pool transaction (fee rate 5000) whose output pays to the 20-byte <paramref name="address"/>.</summary>
    public static Transaction PayTo(byte[] address, params OutPoint[] spends)
    {
        var tx = PoolSink.Create(5000, spends);
        tx.Outputs[0].ScriptPubKey = new Script(
            OpcodeType.OP_DUP, OpcodeType.OP_HASH160, Op.GetPushOp(address), OpcodeType.OP_EQUALVERIFY, OpcodeType.OP_CHECKSIG);
        return tx;
    }

    /// <summary>A raw peer past the handshake with the given protocol version and relay flag.</summary>
    public static async Task<RawPeer> ConnectAsync(TestNode node, int version = ProtocolVersions.Current, bool relay = true)
    {
        var peer = await RawPeer.ConnectAsync(node.Endpoint);
        await peer.SendVersionAsync(version: version, relay: relay);
        await peer.ReadUntilAsync(NetCommands.Verack);
        await peer.SendAsync(NetCommands.Verack, []);
        await peer.SyncWithPingAsync();
        return peer;
    }
}
