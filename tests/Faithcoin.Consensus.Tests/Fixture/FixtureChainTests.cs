using Faithcoin.Consensus.Coins;
using Faithcoin.Consensus.Rules.Blocks;
using Faithcoin.Consensus.Scripting;
using Faithcoin.Consensus.Validation;
using NBitcoin;
using Xunit;
using Xunit.Abstractions;
using Coin = Faithcoin.Consensus.Coins.Coin;

namespace Faithcoin.Consensus.Tests.Fixture;

/// <summary>
/// The reference chain of the original faithcoind: every block connects with our rules, and the last block is
/// refused with the original's reasons once a signature, an input, the coinbase or the merkle root is tampered with.
/// </summary>
public sealed class FixtureChainTests : IClassFixture<ConnectedSlice>
{
    private readonly ConnectedSlice slice;
    private readonly ITestOutputHelper output;

    public FixtureChainTests(ConnectedSlice slice, ITestOutputHelper output)
    {
        this.slice = slice;
        this.output = output;
    }

    [Fact]
    public void Every_block_of_the_reference_chain_connects()
    {
        output.WriteLine(
            $"{slice.LastHeight} blocks, {slice.TransactionCount} transactions, {slice.ScriptChecksRun} script checks in {slice.ConnectTime.TotalSeconds:F1} s");
        Assert.Null(slice.ConnectOnly(slice.Slice.Copy(slice.LastHeight)));

        var view = new CoinsViewCache(slice.View);
        Assert.Null(slice.Connect(slice.Slice.Copy(slice.LastHeight), slice.LastHeight, view, out _));
        Assert.Equal(slice.Slice.Headers[^1].HashBlock, view.BestBlock);
    }

    [Fact]
    public void The_slice_includes_segwit_spends()
    {
        var witnessSpends = slice.Slice.Blocks.SelectMany(b => b.Transactions.Skip(1)).Count(t => t.HasWitness);

        Assert.True(witnessSpends > 0);
        Assert.True(slice.Rules.ForNextBlock(slice.Slice.Headers[^2], slice.Slice.Headers[^1].Time).SegwitActive);
    }

    [Fact]
    public void A_flipped_signature_byte_is_a_script_failure()
    {
        var block = slice.Slice.Copy(slice.LastHeight);
        var tx = LastNonWitnessSpend(block);
        var scriptSig = tx.Inputs[0].ScriptSig.ToBytes();
        scriptSig[10] ^= 0x01; // inside the first push: the DER signature
        tx.Inputs[0].ScriptSig = Script.FromBytesUnsafe(scriptSig);
        block.UpdateMerkleRoot();

        var error = slice.ConnectOnly(block);

        Assert.NotNull(error);
        Assert.StartsWith("mandatory-script-verify-flag-failed (", error.Reason, StringComparison.Ordinal);
        Assert.Equal(100, error.DoS);
    }

    [Fact]
    public void Spending_an_output_that_does_not_exist_is_bad_txns_inputs_missingorspent()
    {
        var block = slice.Slice.Copy(slice.LastHeight);
        var tx = block.Transactions[^1];
        tx.Inputs[0].PrevOut = new OutPoint(tx.Inputs[0].PrevOut.Hash, 999);
        block.UpdateMerkleRoot();

        AssertRejected(slice.ConnectOnly(block), "bad-txns-inputs-missingorspent", 100);
    }

    [Fact]
    public void Spending_an_output_an_earlier_block_spent_is_bad_txns_inputs_missingorspent()
    {
        var block = slice.Slice.Copy(slice.LastHeight);
        var earlier = slice.Slice.Blocks[slice.LastHeight - 1].Transactions[^1].Inputs[0].PrevOut;
        block.Transactions[^1].Inputs[0].PrevOut = earlier;
        block.UpdateMerkleRoot();

        AssertRejected(slice.ConnectOnly(block), "bad-txns-inputs-missingorspent", 100);
    }

    [Fact]
    public void An_inflated_coinbase_is_bad_cb_amount()
    {
        var block = slice.Slice.Copy(slice.LastHeight);
        block.Transactions[0].Outputs[0].Value += Money.Satoshis(1);
        block.UpdateMerkleRoot();

        // The coinbase's witness id is taken as zero, so the commitment still holds: the amount is what fails.
        var previous = slice.Slice.Headers[slice.LastHeight - 1];
        var context = BlockRuleContext.From(previous, slice.Rules.ForNextBlock(previous, block.Header.BlockTime.ToUnixTimeSeconds()));
        Assert.Null(new ContextualBlockCheck().Check(block, context));
        AssertRejected(slice.ConnectOnly(block), "bad-cb-amount", 100);
    }

    [Fact]
    public void A_mutated_merkle_root_is_bad_txnmrklroot()
    {
        var block = slice.Slice.Copy(slice.LastHeight);
        var root = block.Header.HashMerkleRoot.ToBytes();
        root[0] ^= 0x80;
        block.Header.HashMerkleRoot = new uint256(root);

        var error = slice.ConnectOnly(block);
        AssertRejected(error, "bad-txnmrklroot", 100);
        Assert.True(error!.CorruptionPossible);
    }

    [Fact]
    public void Disconnecting_the_last_ten_blocks_restores_their_coins()
    {
        var view = new CoinsViewCache(slice.View);
        for (var height = slice.LastHeight - 1; height > slice.LastHeight - 11; height--)
        {
            var undo = BlockUndo.FromBytes(slice.Undo[height].ToBytes());
            Assert.Equal(DisconnectResult.Ok, slice.Connector.DisconnectBlock(slice.Slice.Blocks[height], height, undo, view));
        }

        // Reconnecting them from the restored view must succeed again, block for block.
        var memory = new LayeredView(view);
        for (var height = slice.LastHeight - 10; height < slice.LastHeight; height++)
        {
            Assert.Null(slice.Connect(slice.Slice.Blocks[height], height, memory, out _));
        }

        Assert.Equal(slice.View.BestBlock, memory.BestBlock);
    }

    private static Transaction LastNonWitnessSpend(Block block) =>
        block.Transactions.Skip(1).Last(t => !t.HasWitness && t.Inputs[0].ScriptSig.Length > 70);

    private static void AssertRejected(ValidationError? error, string reason, int dos)
    {
        Assert.NotNull(error);
        Assert.Equal(reason, error.Reason);
        Assert.Equal(dos, error.DoS);
    }

    /// <summary>Lets a cache act as the writable base of the next block's cache.</summary>
    private sealed class LayeredView(CoinsViewCache inner) : ICoinsViewWriter
    {
        public uint256 BestBlock => inner.BestBlock;

        public Coin? GetCoin(OutPoint outpoint) => inner.GetCoin(outpoint);

        public bool HaveCoin(OutPoint outpoint) => inner.HaveCoin(outpoint);

        public void BatchWrite(IReadOnlyCollection<CoinChange> changes, uint256 bestBlock) => inner.BatchWrite(changes, bestBlock);
    }
}
