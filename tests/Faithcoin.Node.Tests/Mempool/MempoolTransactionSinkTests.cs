using Faithcoin.Node.Mempool;
using Microsoft.Extensions.Logging.Abstractions;
using NBitcoin;

namespace Faithcoin.Node.Tests.Mempool;

/// <summary>The pool as the P2P layer's sink: orphans kept, resolved when the parent arrives, invalid ones charged to their sender.</summary>
public sealed class MempoolTransactionSinkTests : IDisposable
{
    private const long Coin = MempoolTestNode.Coin;
    private readonly MempoolTestNode node = new();
    private readonly MempoolTransactionSink sink;

    public MempoolTransactionSinkTests() =>
        sink = new MempoolTransactionSink(node.Pool, node.Acceptor, node.Orphans, NullLogger<MempoolTransactionSink>.Instance);

    [Fact]
    public async Task A_parent_resolves_its_orphans_and_both_are_relayed()
    {
        var parent = MempoolTestNode.Spend(node.CoinbaseOutput(1), 50 * Coin);
        var child = MempoolTestNode.Spend(new OutPoint(parent.GetHash(), 0), parent.Outputs[0].Value.Satoshi);

        var orphan = await sink.AcceptTransactionAsync(child, peerId: 7, CancellationToken.None);
        Assert.True(orphan.MissingInputs);
        Assert.True(node.Orphans.Contains(child.GetHash()));

        var accepted = await sink.AcceptTransactionAsync(parent, peerId: 8, CancellationToken.None);
        Assert.True(accepted.Accepted);
        Assert.Equal([parent.GetHash(), child.GetHash()], accepted.ToRelay.Select(r => r.Txid));
        Assert.Empty(accepted.OrphanPenalties);
        Assert.Equal(0, node.Orphans.Count);
        Assert.True(accepted.ToRelay[0].FeePerKilobyte > 0);
    }

    [Fact]
    public async Task An_orphan_that_proves_invalid_is_charged_to_the_peer_that_sent_it()
    {
        var parent = MempoolTestNode.Spend(node.CoinbaseOutput(1), 50 * Coin);
        var greedy = MempoolTestNode.Spend(new OutPoint(parent.GetHash(), 0), parent.Outputs[0].Value.Satoshi, fee: -Coin);
        await sink.AcceptTransactionAsync(greedy, peerId: 7, CancellationToken.None);

        var accepted = await sink.AcceptTransactionAsync(parent, peerId: 8, CancellationToken.None);

        var penalty = Assert.Single(accepted.OrphanPenalties);
        Assert.Equal(7, penalty.PeerId);
        Assert.Equal(greedy.GetHash(), penalty.Txid);
        Assert.Equal("bad-txns-in-belowout", penalty.Error.Reason);
        Assert.Equal(100, penalty.Error.DoS);
        Assert.False(node.Orphans.Contains(greedy.GetHash()));
    }

    [Fact]
    public async Task A_disconnected_peer_takes_its_orphans_with_it()
    {
        var orphan = MempoolTestNode.Spend(new OutPoint(RandomUtils.GetUInt256(), 0), Coin);
        await sink.AcceptTransactionAsync(orphan, peerId: 5, CancellationToken.None);
        sink.PeerDisconnected(5);
        Assert.Equal(0, node.Orphans.Count);
    }

    public void Dispose() => node.Dispose();
}
