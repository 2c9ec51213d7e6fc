using Faithcoin.Consensus.Rules.Blocks;
using Faithcoin.Consensus.Validation;
using NBitcoin;
using Xunit;

namespace Faithcoin.Consensus.Tests.Rules.Blocks;

/// <summary>One test per ContextualCheckBlock rule.</summary>
public sealed class ContextualBlockCheckTests
{
    private static readonly ContextualBlockCheck Check = new();
    private readonly TestChain chain = new();

    public ContextualBlockCheckTests() => chain.MineEmpty(12);

    [Fact]
    public void A_fresh_block_passes() => Assert.Null(Check.Check(chain.NewBlock(), chain.Context(chain.Tip)));

    [Fact]
    public void Height_locked_transaction_is_bad_txns_nonfinal()
    {
        var tx = NonFinal(lockTime: (uint)chain.Tip.Height + 1);
        var error = Check.Check(chain.NewBlock([tx]), chain.Context(chain.Tip));

        AssertError(error, "bad-txns-nonfinal", 10);
        Assert.Equal("non-final transaction", error!.Debug);
        Assert.Null(Check.Check(chain.NewBlock([NonFinal((uint)chain.Tip.Height)]), chain.Context(chain.Tip)));
    }

    [Fact]
    public void With_csv_the_lock_time_cutoff_is_the_parents_median_time_past()
    {
        var blockTime = chain.Tip.Time + 150;
        var mtp = (uint)chain.Tip.GetMedianTimePast();
        var block = chain.NewBlock([NonFinal(lockTime: mtp + 1)], time: blockTime);

        // Final by the block's own time, not by the median time past (BIP113).
        Assert.Null(Check.Check(block, chain.Context(chain.Tip, csv: false)));
        AssertError(Check.Check(block, chain.Context(chain.Tip, csv: true)), "bad-txns-nonfinal", 10);
    }

    [Fact]
    public void Coinbase_without_the_height_is_bad_cb_height()
    {
        var block = chain.NewBlock();
        Assert.Null(Check.Check(block, chain.Context(chain.Tip, bip34: true)));

        block.Transactions[0].Inputs[0].ScriptSig = new Script(Op.GetPushOp(99), Op.GetPushOp(1));
        block.UpdateMerkleRoot();
        var error = Check.Check(block, chain.Context(chain.Tip, bip34: true));

        AssertError(error, "bad-cb-height", 100);
        Assert.Null(Check.Check(block, chain.Context(chain.Tip, bip34: false)));
    }

    [Theory]
    [InlineData(1, new byte[] { 0x51 })]
    [InlineData(16, new byte[] { 0x60 })]
    [InlineData(17, new byte[] { 0x01, 0x11 })]
    [InlineData(128, new byte[] { 0x02, 0x80, 0x00 })]
    [InlineData(710000, new byte[] { 0x03, 0x70, 0xd5, 0x0a })]
    public void Expected_coinbase_height_prefix_is_cscript_push_of_the_height(int height, byte[] expected) =>
        Assert.Equal(expected, CoinbaseHeightRule.ExpectedPrefix(height));

    [Fact]
    public void Committed_block_with_witness_passes_and_a_wrong_nonce_size_is_bad_witness_nonce_size()
    {
        var block = chain.NewBlock([WitnessTransaction()]);
        Assert.Null(Check.Check(block, chain.Context(chain.Tip)));

        block.Transactions[0].Inputs[0].WitScript = new WitScript([new byte[31]], true);
        var error = Check.Check(block, chain.Context(chain.Tip));

        AssertError(error, "bad-witness-nonce-size", 100, corruption: true);
    }

    [Fact]
    public void Changed_witness_is_bad_witness_merkle_match()
    {
        var block = chain.NewBlock([WitnessTransaction()]);
        block.Transactions[1].Inputs[0].WitScript = new WitScript([new byte[] { 9, 9 }], true);

        AssertError(Check.Check(block, chain.Context(chain.Tip)), "bad-witness-merkle-match", 100, corruption: true);
    }

    [Fact]
    public void Witness_without_commitment_or_before_segwit_is_unexpected_witness()
    {
        var committed = chain.NewBlock([WitnessTransaction()]);
        AssertError(Check.Check(committed, chain.Context(chain.Tip, segwit: false)), "unexpected-witness", 100, corruption: true);

        var uncommitted = chain.NewBlock();
        uncommitted.Transactions.Add(WitnessTransaction());
        uncommitted.UpdateMerkleRoot();
        AssertError(Check.Check(uncommitted, chain.Context(chain.Tip)), "unexpected-witness", 100, corruption: true);
    }

    [Fact]
    public void Weight_over_four_million_is_bad_blk_weight()
    {
        // 900 kB stripped fits bad-blk-length; a 500 kB witness pushes the weight past 4,000,000.
        var tx = WitnessTransaction();
        tx.Inputs[0].ScriptSig = Script.FromBytesUnsafe(new byte[900_000]);
        tx.Inputs[0].WitScript = new WitScript([new byte[500_000]], true);
        var block = chain.NewBlock([tx]);

        Assert.True(BlockSizes.Weight(block) > 4_000_000);
        AssertError(Check.Check(block, chain.Context(chain.Tip)), "bad-blk-weight", 100);
    }

    private static Transaction NonFinal(uint lockTime)
    {
        var tx = BlockCheckTests.TransactionWith(1);
        tx.LockTime = new LockTime(lockTime);
        tx.Inputs[0].Sequence = new Sequence(0u);
        return tx;
    }

    private static Transaction WitnessTransaction()
    {
        var tx = BlockCheckTests.TransactionWith(3);
        tx.Inputs[0].WitScript = new WitScript([new byte[] { 1, 2, 3 }], true);
        return tx;
    }

    private static void AssertError(ValidationError? error, string reason, int dos, bool corruption = false)
    {
        Assert.NotNull(error);
        Assert.Equal(reason, error.Reason);
        Assert.Equal(dos, error.DoS);
        Assert.Equal(corruption, error.CorruptionPossible);
    }
}
