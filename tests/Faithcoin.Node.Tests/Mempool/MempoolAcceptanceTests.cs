using Faithcoin.Consensus.Validation;
using Faithcoin.Node.Mempool;
using Faithcoin.Node.Mempool.Policy;
using NBitcoin;

namespace Faithcoin.Node.Tests.Mempool;

/// <summary>AcceptToMemoryPool against a real regtest chain: what goes in, what is refused and with which reason.</summary>
public sealed class MempoolAcceptanceTests : IDisposable
{
    private const long Coin = MempoolTestNode.Coin;
    private readonly MempoolTestNode node = new();

    [Fact]
    public void A_spend_of_a_mature_coinbase_enters_with_its_fee_and_size()
    {
        var tx = MempoolTestNode.Spend(node.CoinbaseOutput(1), 50 * Coin, fee: 123_456);
        node.AcceptOrFail(tx);

        var entry = node.Pool.GetEntry(tx.GetHash())!;
        Assert.Equal(123_456, entry.Fee);
        Assert.Equal(tx.GetVirtualSize(), entry.VirtualSize);
        Assert.Equal(110, entry.Height);
        Assert.Equal(1, entry.AncestorCount);
        var info = node.Pool.GetInfo();
        Assert.Equal(1, info.Size);
        Assert.Equal(entry.VirtualSize, info.Bytes);
        Assert.Equal(100_000, info.MinFeePerKilobyte);
    }

    [Fact]
    public void The_same_transaction_twice_is_already_in_the_mempool()
    {
        var tx = MempoolTestNode.Spend(node.CoinbaseOutput(1), 50 * Coin);
        node.AcceptOrFail(tx);
        AssertRejected(node.Accept(tx), "txn-already-in-mempool", RejectCode.Duplicate);
    }

    [Fact]
    public void An_immature_coinbase_spend_is_refused_without_penalty()
    {
        var result = node.Accept(MempoolTestNode.Spend(node.CoinbaseOutput(20), 50 * Coin));
        AssertRejected(result, "bad-txns-premature-spend-of-coinbase", RejectCode.Invalid);
        Assert.Equal(0, result.Error!.DoS);
    }

    [Fact]
    public void Unknown_inputs_make_an_orphan_candidate_and_confirmed_outputs_make_it_known()
    {
        var orphan = MempoolTestNode.Spend(new OutPoint(RandomUtils.GetUInt256(), 0), 1 * Coin);
        var result = node.Accept(orphan);
        Assert.False(result.Accepted);
        Assert.True(result.MissingInputs);
        Assert.Null(result.Error);

        var confirmed = MempoolTestNode.Spend(node.CoinbaseOutput(2), 50 * Coin);
        node.Mine(confirmed);
        AssertRejected(node.Accept(confirmed), "txn-already-known", RejectCode.Duplicate);
    }

    [Fact]
    public void A_fee_below_the_relay_floor_is_refused()
    {
        AssertRejected(node.Accept(MempoolTestNode.Spend(node.CoinbaseOutput(1), 50 * Coin, fee: 1_000)), "min relay fee not met", RejectCode.InsufficientFee);
    }

    [Fact]
    public void A_fee_above_the_absurd_limit_is_refused_with_the_internal_code()
    {
        var tx = MempoolTestNode.Spend(node.CoinbaseOutput(1), 50 * Coin, fee: 2 * Coin);
        var result = node.Acceptor.Accept(tx, absurdFee: Coin / 10);
        Assert.False(result.Accepted);
        Assert.Equal("absurdly-high-fee", result.Error!.Reason);
        Assert.Equal(0x100, result.Code);
        Assert.True(result.IsInternal);
    }

    [Fact]
    public void A_transaction_locked_to_a_future_height_is_not_final()
    {
        var tx = MempoolTestNode.Spend(node.CoinbaseOutput(1), 50 * Coin, sequence: 0);
        tx.LockTime = new LockTime(500);
        AssertRejected(node.Accept(tx), "non-final", RejectCode.Nonstandard);
    }

    [Fact]
    public void A_relative_lock_not_yet_reached_is_not_bip68_final()
    {
        var tx = MempoolTestNode.Spend([node.CoinbaseOutput(100)], 50 * Coin, MempoolTestNode.DefaultFee, sequence: 50, version: 2);
        AssertRejected(node.Accept(tx), "non-BIP68-final", RejectCode.Nonstandard);
    }

    [Fact]
    public void A_coinbase_is_refused_with_a_penalty()
    {
        var block = node.Mine();
        var result = node.Accept(block.Transactions[0]);
        Assert.Equal("coinbase", result.Error!.Reason);
        Assert.Equal(100, result.Error.DoS);
    }

    [Fact]
    public void A_script_failing_only_a_policy_flag_is_non_mandatory_and_unpunished()
    {
        var tx = MempoolTestNode.Spend(node.CoinbaseOutput(1), 50 * Coin);
        tx.Inputs[0].ScriptSig = new Script(OpcodeType.OP_0);
        var result = node.Accept(tx);
        Assert.Equal("non-mandatory-script-verify-flag (Extra items left on stack after execution)", result.Error?.Reason);
        Assert.Equal(0, result.Error!.DoS);
        Assert.Equal(RejectCode.Nonstandard, result.Error.Code);
    }

    [Fact]
    public void A_script_failing_consensus_is_mandatory_and_punished()
    {
        var parent = MempoolTestNode.Spend(node.CoinbaseOutput(1), 50 * Coin);
        parent.Outputs[0].ScriptPubKey = new Script(OpcodeType.OP_2, OpcodeType.OP_EQUAL);
        node.AcceptOrFail(parent);
        var child = MempoolTestNode.Spend(new OutPoint(parent.GetHash(), 0), parent.Outputs[0].Value.Satoshi);
        child.Inputs[0].ScriptSig = new Script(OpcodeType.OP_3);
        var result = node.Accept(child);
        Assert.StartsWith("mandatory-script-verify-flag-failed", result.Error?.Reason, StringComparison.Ordinal);
        Assert.Equal(100, result.Error!.DoS);
    }

    [Fact]
    public void Standardness_is_enforced_when_required()
    {
        using var strict = new MempoolTestNode(new PolicySettings { RequireStandard = true });
        var tx = MempoolTestNode.Spend(strict.CoinbaseOutput(1), 50 * Coin);
        // The anyone-can-spend output (OP_TRUE) is not a standard template.
        AssertRejected(strict.Accept(tx), "scriptpubkey", RejectCode.Nonstandard);
    }

    [Fact]
    public void A_child_links_to_its_parent_and_both_aggregates_count_the_pair()
    {
        var parent = MempoolTestNode.Spend(node.CoinbaseOutput(1), 50 * Coin, outputs: 2);
        node.AcceptOrFail(parent);
        var child = MempoolTestNode.Spend(new OutPoint(parent.GetHash(), 0), parent.Outputs[0].Value.Satoshi, fee: 500_000);
        node.AcceptOrFail(child);

        var p = node.Pool.GetEntry(parent.GetHash())!;
        var c = node.Pool.GetEntry(child.GetHash())!;
        Assert.Equal(2, p.DescendantCount);
        Assert.Equal(p.VirtualSize + c.VirtualSize, p.DescendantSize);
        Assert.Equal(p.Fee + c.Fee, p.DescendantFees);
        Assert.Equal(2, c.AncestorCount);
        Assert.Equal(p.Fee + c.Fee, c.AncestorFees);
        Assert.Equal([parent.GetHash()], c.Depends);
        Assert.Empty(node.Pool.GetEntry(parent.GetHash())!.Depends);
    }

    [Fact]
    public void The_twenty_sixth_transaction_of_a_chain_is_too_long_a_mempool_chain()
    {
        var previous = new OutPoint(node.CoinbaseOutput(1).Hash, 0);
        var value = 50 * Coin;
        for (var i = 0; i < 25; i++)
        {
            var tx = MempoolTestNode.Spend(previous, value);
            node.AcceptOrFail(tx);
            previous = new OutPoint(tx.GetHash(), 0);
            value = tx.Outputs[0].Value.Satoshi;
        }

        var result = node.Accept(MempoolTestNode.Spend(previous, value));
        AssertRejected(result, "too-long-mempool-chain", RejectCode.Nonstandard);
        Assert.Equal("too many unconfirmed ancestors [limit: 25]", result.Error!.Debug);
    }

    [Fact]
    public void Prioritisation_moves_the_modified_fee_and_the_relatives_aggregates()
    {
        var parent = MempoolTestNode.Spend(node.CoinbaseOutput(1), 50 * Coin);
        node.AcceptOrFail(parent);
        var child = MempoolTestNode.Spend(new OutPoint(parent.GetHash(), 0), parent.Outputs[0].Value.Satoshi);
        node.AcceptOrFail(child);

        node.Pool.Prioritise(parent.GetHash(), 7_000);
        var p = node.Pool.GetEntry(parent.GetHash())!;
        Assert.Equal(p.Fee + 7_000, p.ModifiedFee);
        Assert.Equal(p.ModifiedFee + MempoolTestNode.DefaultFee, p.DescendantFees);
        Assert.Equal(p.ModifiedFee + MempoolTestNode.DefaultFee, node.Pool.GetEntry(child.GetHash())!.AncestorFees);

        // A delta given before the transaction arrives applies when it enters.
        var later = MempoolTestNode.Spend(node.CoinbaseOutput(2), 50 * Coin);
        node.Pool.Prioritise(later.GetHash(), -500);
        node.AcceptOrFail(later);
        Assert.Equal(MempoolTestNode.DefaultFee - 500, node.Pool.GetEntry(later.GetHash())!.ModifiedFee);
    }

    internal static void AssertRejected(MempoolAcceptResult result, string reason, RejectCode code)
    {
        Assert.False(result.Accepted);
        Assert.NotNull(result.Error);
        Assert.Equal(reason, result.Error!.Reason);
        Assert.Equal(code, result.Error.Code);
    }

    public void Dispose() => node.Dispose();
}
