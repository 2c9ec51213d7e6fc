using Faithcoin.Consensus.Chain;
using Faithcoin.P2P.Protocol.Compact;
using NBitcoin;

namespace Faithcoin.P2P.Tests.Compact;

public sealed class PartiallyDownloadedBlockTests
{
    private static readonly ConsensusFactory Factory = ChainParams.Regtest.Network.Consensus.ConsensusFactory;

    [Fact]
    public void TransactionsComeFromThePoolAndTheExtraRingByWtxid()
    {
        var transactions = CompactFixtures.WitnessTransactions(3);
        var block = CompactFixtures.MineWith(CompactFixtures.Tip, 301, transactions);
        var partial = new PartiallyDownloadedBlock(Factory);

        var status = partial.InitData(HeaderAndShortIds.FromBlock(block, true, 5), [Pooled(transactions[0])], [Pooled(transactions[2])]);

        Assert.Equal(ReadStatus.Ok, status);
        Assert.Equal([true, true, false, true], Enumerable.Range(0, 4).Select(partial.IsTransactionAvailable));
        Assert.Equal(ReadStatus.Ok, partial.FillBlock([transactions[1]], out var rebuilt));
        Assert.Equal(block.GetHash(), rebuilt!.GetHash());
        Assert.Equal(block.Transactions.Select(t => t.GetWitHash()), rebuilt.Transactions.Select(t => t.GetWitHash()));
    }

    [Fact]
    public void VersionOneShortIdsOfWitnessTransactionsDoNotMatchThePool()
    {
        // 0.15 matches the pool by wtxid whatever the version: a txid-keyed witness transaction is requested.
        var transactions = CompactFixtures.WitnessTransactions(1);
        var block = CompactFixtures.MineWith(CompactFixtures.Tip, 301, transactions);
        var partial = new PartiallyDownloadedBlock(Factory);

        Assert.Equal(ReadStatus.Ok, partial.InitData(HeaderAndShortIds.FromBlock(block, false, 5), [Pooled(transactions[0])], []));
        Assert.False(partial.IsTransactionAvailable(1));
    }

    [Fact]
    public void PrefilledPositionBeyondTheBlockIsInvalid()
    {
        var block = CompactFixtures.MineWith(CompactFixtures.Tip, 301, CompactFixtures.WitnessTransactions(1));
        var compact = HeaderAndShortIds.FromBlock(block, true, 5);
        compact.Prefilled.Add(new PrefilledTransaction(5, block.Transactions[1]));

        Assert.Equal(ReadStatus.Invalid, new PartiallyDownloadedBlock(Factory).InitData(compact, [], []));
    }

    [Fact]
    public void EmptyCompactBlockIsInvalid()
    {
        var compact = new HeaderAndShortIds { Header = CompactFixtures.Tip.Header, Nonce = 1 };

        Assert.Equal(ReadStatus.Invalid, new PartiallyDownloadedBlock(Factory).InitData(compact, [], []));
    }

    [Fact]
    public void DuplicateShortIdsFallBackToTheFullBlock()
    {
        var block = CompactFixtures.MineWith(CompactFixtures.Tip, 301, CompactFixtures.WitnessTransactions(2));
        var compact = HeaderAndShortIds.FromBlock(block, true, 5);
        compact.ShortIds[1] = compact.ShortIds[0];

        Assert.Equal(ReadStatus.Failed, new PartiallyDownloadedBlock(Factory).InitData(compact, [], []));
    }

    [Fact]
    public void WrongMissingTransactionFailsTheMerkleCheckAndWrongCountIsInvalid()
    {
        var transactions = CompactFixtures.WitnessTransactions(2);
        var block = CompactFixtures.MineWith(CompactFixtures.Tip, 301, transactions);
        var compact = HeaderAndShortIds.FromBlock(block, true, 5);
        var collided = new PartiallyDownloadedBlock(Factory);
        var tooFew = new PartiallyDownloadedBlock(Factory);
        var tooMany = new PartiallyDownloadedBlock(Factory);
        collided.InitData(compact, [], []);
        tooFew.InitData(compact, [], []);
        tooMany.InitData(compact, [], []);

        Assert.Equal(ReadStatus.Failed, collided.FillBlock([transactions[0], CompactFixtures.WitnessTransactions(3)[2]], out _));
        Assert.Equal(ReadStatus.Invalid, tooFew.FillBlock([transactions[0]], out _));
        Assert.Equal(ReadStatus.Invalid, tooMany.FillBlock([.. transactions, transactions[0]], out _));
    }

    private static (uint256, Transaction) Pooled(Transaction tx) => (tx.GetWitHash(), tx);
}
