using System.Net;
using Faithcoin.P2P.Tests.Infrastructure;
using Faithcoin.P2P.Wire;
using NBitcoin;
using NBitcoin.Protocol;

namespace Faithcoin.Node.Tests.EndToEnd;

/// <summary>
/// Orphan transactions through the real faithcoind, sent by a raw peer: the node asks the sender for the missing
/// parent, keeps at most -maxorphantx orphans, and the kept ones enter the pool once the parent arrives.
/// </summary>
[Collection(DaemonCollection.Name)]
public sealed class OrphanEndToEndTests
{
    private readonly RegtestWallet wallet = new();

    [Fact]
    public async Task At_most_maxorphantx_orphans_are_kept_and_they_join_the_pool_with_their_parent()
    {
        using var data = new TempDirectory();
        var port = DaemonProcess.FreePort();
        await using var node = await DaemonRpc.StartRegtestAsync(data.Path, $"-port={port}", "-bind=127.0.0.1", "-maxorphantx=2", "-debug=mempool");
        var blocks = (await node.ResultAsync("generatetoaddress", $"101, \"{wallet.Address}\"")).EnumerateArray().Select(h => h.GetString()!).ToArray();
        var parent = await wallet.SpendCoinbaseAsync(node, blocks[0], fee: 100_000, outputs: 6);
        var children = Enumerable.Range(0, 6).Select(i => wallet.SpendOutput(parent, i, fee: 100_000)).ToArray();

        await using var peer = await RawPeer.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port));
        await peer.HandshakeAsync();
        foreach (var child in children)
        {
            await peer.SendAsync(NetCommands.Tx, child.ToBytes());
        }

        // Each orphan makes the node ask its sender for the parent (0.15 asks for every missing input).
        var ask = await peer.ReadUntilAsync(NetCommands.GetData, m => AsksFor(m, parent.GetHash()));
        Assert.NotNull(ask);
        await peer.SyncWithPingAsync();
        Assert.Equal(0, (await node.ResultAsync("getmempoolinfo")).GetProperty("size").GetInt32());

        await peer.SendAsync(NetCommands.Tx, parent.ToBytes());
        await peer.SyncWithPingAsync();

        // The parent plus the two orphans the limit kept; four were evicted, so they never reach the pool.
        var pool = (await node.ResultAsync("getrawmempool")).EnumerateArray().Select(t => t.GetString()!).ToHashSet();
        Assert.Contains(parent.GetHash().ToString(), pool);
        Assert.Equal(3, pool.Count);
        Assert.Equal(2, children.Count(c => pool.Contains(c.GetHash().ToString())));
        var log = File.ReadAllText(Path.Combine(data.Path, "regtest", "debug.log"));
        Assert.Contains("mapOrphan overflow, removed 1 tx", log, StringComparison.Ordinal);
    }

    private static bool AsksFor(RawMessage message, uint256 txid)
    {
        var inventory = new GetDataPayload();
        inventory.ReadWrite(new BitcoinStream(message.Payload));
        return inventory.Inventory.Any(i => i.Hash == txid);
    }
}
