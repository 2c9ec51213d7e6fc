using Faithcoin.Consensus.Chain;
using Faithcoin.Consensus.Rules.Blocks;
using Faithcoin.Consensus.Validation;
using NBitcoin;
using Xunit;

namespace Faithcoin.Consensus.Tests.Rules.Blocks;

/// <summary>One test per CheckBlock rule: a block breaking exactly that rule, its reason, score and corruption flag.</summary>
public sealed class BlockCheckTests
{
    private static readonly BlockCheck Check = new();
    private readonly TestChain chain = new();

    [Fact]
    public void Genesis_and_a_fresh_block_pass()
    {
        Assert.Null(Check.Check(ChainParams.Regtest.CreateGenesisBlock()));
        Assert.Null(Check.Check(chain.NewBlock()));
    }

    [Fact]
    public void Wrong_merkle_root_is_bad_txnmrklroot_and_may_be_corruption()
    {
        var block = chain.NewBlock();
        block.Header.HashMerkleRoot = uint256.One;

        AssertRejected(block, "bad-txnmrklroot", 100, corruption: true);
    }

    [Fact]
    public void Duplicated_last_transaction_is_bad_txns_duplicate()
    {
        // CVE-2012-2459: [cb, a, b] and [cb, a, b, b] share a root.
        var a = TransactionWith(1);
        var b = TransactionWith(2);
        var block = chain.NewBlock([a, b, b]);

        var root = MerkleRoots.BlockRoot(block, out var mutated);
        Assert.True(mutated);
        Assert.Equal(MerkleRoots.Compute([block.Transactions[0].GetHash(), a.GetHash(), b.GetHash()], out _), root);
        AssertRejected(block, "bad-txns-duplicate", 100, corruption: true);
    }

    [Fact]
    public void No_transactions_is_bad_blk_length()
    {
        var block = chain.NewBlock();
        block.Transactions.Clear();
        block.Header.HashMerkleRoot = uint256.Zero;

        AssertRejected(block, "bad-blk-length", 100);
    }

    [Fact]
    public void Stripped_size_over_a_million_bytes_is_bad_blk_length()
    {
        var big = Enumerable.Range(0, 3).Select(i => TransactionWith(i, scriptSize: 400_000)).ToArray();
        var block = chain.NewBlock(big);

        AssertRejected(block, "bad-blk-length", 100);
    }

    [Fact]
    public void First_transaction_not_a_coinbase_is_bad_cb_missing()
    {
        var block = chain.NewBlock();
        block.Transactions[0] = TransactionWith(1);
        block.UpdateMerkleRoot();

        AssertRejected(block, "bad-cb-missing", 100);
    }

    [Fact]
    public void Second_coinbase_is_bad_cb_multiple()
    {
        var block = chain.NewBlock([chain.Coinbase(5, 1)]);

        AssertRejected(block, "bad-cb-multiple", 100);
    }

    [Fact]
    public void A_failing_transaction_keeps_its_reason_and_score_and_names_the_transaction()
    {
        var tx = TransactionWith(1);
        tx.Outputs[0].Value = Money.Satoshis(-5);
        var block = chain.NewBlock([tx]);

        var error = AssertRejected(block, "bad-txns-vout-negative", 100);
        Assert.Contains($"Transaction check failed (tx hash {tx.GetHash()})", error.Debug, StringComparison.Ordinal);
    }

    [Fact]
    public void More_than_20000_legacy_sigops_is_bad_blk_sigops()
    {
        // 20,001 OP_CHECKSIGs in outputs: x4 is over the 80,000 cost limit.
        var tx = TransactionWith(1);
        tx.Outputs[0].ScriptPubKey = Script.FromBytesUnsafe(Enumerable.Repeat((byte)0xac, 20_001).ToArray());
        var block = chain.NewBlock([tx]);

        AssertRejected(block, "bad-blk-sigops", 100);
    }

    [Fact]
    public void Exactly_20000_legacy_sigops_pass()
    {
        // The coinbase's pay-to-pubkey output is the 20,000th.
        var tx = TransactionWith(1);
        tx.Outputs[0].ScriptPubKey = Script.FromBytesUnsafe(Enumerable.Repeat((byte)0xac, 19_999).ToArray());

        Assert.Null(Check.Check(chain.NewBlock([tx])));
    }

    internal static Transaction TransactionWith(int n, int scriptSize = 0)
    {
        var tx = FaithcoinConsensusFactory.Instance.CreateTransaction();
        tx.Inputs.Add(new TxIn(new OutPoint(uint256.One, (uint)n), Script.FromBytesUnsafe(new byte[scriptSize])));
        tx.Outputs.Add(new TxOut(Money.Coins(1), Script.Empty));
        return tx;
    }

    private static ValidationError AssertRejected(Block block, string reason, int dos, bool corruption = false)
    {
        var error = Check.Check(block);
        Assert.NotNull(error);
        Assert.Equal(reason, error.Reason);
        Assert.Equal(dos, error.DoS);
        Assert.Equal(corruption, error.CorruptionPossible);
        return error;
    }
}
