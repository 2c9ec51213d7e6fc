using Faithcoin.Consensus.Coins;
using Faithcoin.Consensus.Rules.Blocks;
using Faithcoin.Consensus.Validation;
using NBitcoin;
using Xunit;

namespace Faithcoin.Consensus.Tests.Rules.Blocks;

/// <summary>ConnectBlock and DisconnectBlock: one test per connect-time rule, and the undo round trip.</summary>
public sealed class BlockConnectorTests
{
    private readonly TestChain chain = new();
    private readonly Transaction matureCoinbase;

    public BlockConnectorTests()
    {
        matureCoinbase = chain.MineEmpty(101);
    }

    [Fact]
    public void Spending_a_mature_coinbase_connects_and_pays_the_fee_to_the_miner()
    {
        var spend = chain.Spend(matureCoinbase, 0, 49 * Money.COIN);
        var block = chain.NewBlock([spend], fees: Money.COIN);

        Assert.Null(chain.Connect(block));
        Assert.Null(chain.Coins.GetCoin(new OutPoint(matureCoinbase.GetHash(), 0)));
        Assert.NotNull(chain.Coins.GetCoin(new OutPoint(spend.GetHash(), 0)));
    }

    [Fact]
    public void Spending_a_missing_coin_is_bad_txns_inputs_missingorspent()
    {
        var spend = chain.Spend(matureCoinbase, 0, Money.COIN, tweak: tx => tx.Inputs[0].PrevOut = new OutPoint(uint256.One, 0));

        AssertRejected(chain.NewBlock([spend]), "bad-txns-inputs-missingorspent", 100);
    }

    [Fact]
    public void Spending_a_coin_twice_in_one_block_is_bad_txns_inputs_missingorspent()
    {
        var first = chain.Spend(matureCoinbase, 0, Money.COIN);
        var second = chain.Spend(matureCoinbase, 0, 2 * Money.COIN);

        AssertRejected(chain.NewBlock([first, second]), "bad-txns-inputs-missingorspent", 100);
    }

    [Fact]
    public void Spending_a_young_coinbase_is_premature_spend()
    {
        var young = chain.Blocks[^1].Transactions[0];
        var spend = chain.Spend(young, 0, Money.COIN);

        AssertRejected(chain.NewBlock([spend]), "bad-txns-premature-spend-of-coinbase", 0);
    }

    [Fact]
    public void Spending_more_than_the_input_is_bad_txns_in_belowout() =>
        AssertRejected(chain.NewBlock([chain.Spend(matureCoinbase, 0, 51 * Money.COIN)]), "bad-txns-in-belowout", 100);

    [Fact]
    public void Claiming_more_than_subsidy_and_fees_is_bad_cb_amount()
    {
        var spend = chain.Spend(matureCoinbase, 0, 49 * Money.COIN);
        var error = AssertRejected(chain.NewBlock([spend], fees: Money.COIN + 1), "bad-cb-amount", 100);

        Assert.Contains("coinbase pays too much", error.Debug, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_signature_is_mandatory_script_verify_flag_failed()
    {
        var spend = chain.Spend(matureCoinbase, 0, Money.COIN);
        spend.Outputs[0].Value = Money.Coins(2);

        var error = AssertRejected(chain.NewBlock([spend]), "mandatory-script-verify-flag-failed (Script evaluated without error but finished with a false/empty top stack element)", 100);
        Assert.Equal(RejectCode.Invalid, error.Code);
    }

    [Fact]
    public void A_failure_only_a_soft_fork_flag_catches_is_non_mandatory_with_no_dos()
    {
        // A spend that fails only because of NULLDUMMY: 1-of-1 multisig with a non-empty dummy element.
        var multisig = new Script(OpcodeType.OP_1, Op.GetPushOp(chain.MinerKey.PubKey.ToBytes()), OpcodeType.OP_1, OpcodeType.OP_CHECKMULTISIG);
        var fund = chain.Spend(matureCoinbase, 0, 49 * Money.COIN, destination: multisig);
        Assert.Null(chain.Connect(chain.NewBlock([fund], fees: Money.COIN)));

        var spend = chain.Spend(fund, 0, 48 * Money.COIN);
        var hash = spend.GetSignatureHash(multisig, 0, SigHash.All, fund.Outputs[0], HashVersion.Original);
        var signature = new TransactionSignature(chain.MinerKey.Sign(hash), SigHash.All);
        spend.Inputs[0].ScriptSig = new Script(OpcodeType.OP_1, Op.GetPushOp(signature.ToBytes()));

        var error = AssertRejected(chain.NewBlock([spend], fees: Money.COIN), "non-mandatory-script-verify-flag (Dummy CHECKMULTISIG argument must be zero)", 0);
        Assert.Equal(RejectCode.Nonstandard, error.Code);
    }

    [Fact]
    public void Relative_lock_not_reached_is_bad_txns_nonfinal_bip68()
    {
        var spend = chain.Spend(matureCoinbase, 0, Money.COIN, tweak: tx => tx.Inputs[0].Sequence = new Sequence(500u));

        var error = AssertRejected(chain.NewBlock([spend]), "bad-txns-nonfinal", 100);
        Assert.Equal("contains a non-BIP68-final transaction", error.Debug);
    }

    [Fact]
    public void Too_many_p2sh_sigops_is_bad_blk_sigops()
    {
        // Each redeem script counts 20 sigops (OP_CHECKMULTISIG without a preceding OP_N): 1001 inputs x 20 x 4 > 80,000.
        var redeem = new Script(OpcodeType.OP_CHECKMULTISIG, OpcodeType.OP_DROP, OpcodeType.OP_1);
        var fund = chain.Spend(matureCoinbase, 0, 0, destination: redeem.PaymentScript, tweak: tx =>
        {
            tx.Outputs.Clear();
            for (var i = 0; i < 1001; i++)
            {
                tx.Outputs.Add(new TxOut(Money.Satoshis(1000), redeem.PaymentScript));
            }
        });
        Assert.Null(chain.Connect(chain.NewBlock([fund], fees: 50 * Money.COIN - 1_001_000)));

        var spend = FaithcoinTransaction();
        for (var i = 0; i < 1001; i++)
        {
            spend.Inputs.Add(new TxIn(new OutPoint(fund.GetHash(), i), new Script(Op.GetPushOp(redeem.ToBytes()))));
        }

        spend.Outputs.Add(new TxOut(Money.Satoshis(1000), Script.Empty));
        AssertRejected(chain.NewBlock([spend]), "bad-blk-sigops", 100);
    }

    [Fact]
    public void Recreating_an_unspent_transaction_is_bad_txns_bip30()
    {
        // Regtest never reaches BIP34, so a coinbase repeated byte for byte would overwrite the first one.
        var repeated = chain.NewBlock();
        repeated.Transactions[0] = chain.Blocks[^1].Transactions[0];
        repeated.UpdateMerkleRoot();

        AssertRejected(repeated, "bad-txns-BIP30", 100);
    }

    [Fact]
    public void Disconnect_restores_the_view_exactly()
    {
        var before = Snapshot(chain.Coins);
        var spend = chain.Spend(matureCoinbase, 0, 49 * Money.COIN);
        var block = chain.NewBlock([spend], fees: Money.COIN);
        var cache = new CoinsViewCache(chain.Coins);
        var result = chain.Connector.ConnectBlock(block, chain.Context(chain.Tip), cache);
        Assert.Null(result.VerifySequentially());

        var undo = BlockUndo.FromBytes(result.Undo!.ToBytes());
        Assert.Equal(DisconnectResult.Ok, chain.Connector.DisconnectBlock(block, chain.Tip.Height + 1, undo, cache));
        cache.Flush();

        Assert.Equal(before, Snapshot(chain.Coins));
        Assert.Equal(chain.Tip.HashBlock, chain.Coins.BestBlock);
    }

    [Fact]
    public void Disconnect_with_mismatched_undo_fails_and_a_missing_output_is_unclean()
    {
        var spend = chain.Spend(matureCoinbase, 0, 49 * Money.COIN);
        var block = chain.NewBlock([spend], fees: Money.COIN);
        var cache = new CoinsViewCache(chain.Coins);
        var result = chain.Connector.ConnectBlock(block, chain.Context(chain.Tip), cache);
        Assert.Null(result.VerifySequentially());

        Assert.Equal(DisconnectResult.Failed, chain.Connector.DisconnectBlock(block, chain.Tip.Height + 1, new BlockUndo([]), cache));

        cache.SpendCoin(new OutPoint(spend.GetHash(), 0));
        Assert.Equal(DisconnectResult.Unclean, chain.Connector.DisconnectBlock(block, chain.Tip.Height + 1, result.Undo!, cache));
    }

    private static Transaction FaithcoinTransaction() => Faithcoin.Consensus.Chain.FaithcoinConsensusFactory.Instance.CreateTransaction();

    private static Dictionary<OutPoint, string> Snapshot(MemoryCoinsView view) =>
        view.Coins.ToDictionary(c => c.Key, c => c.Value.ToString() + c.Value.Output.ScriptPubKey);

    private ValidationError AssertRejected(Block block, string reason, int dos)
    {
        var error = chain.Connect(block);
        Assert.NotNull(error);
        Assert.Equal(reason, error.Reason);
        Assert.Equal(dos, error.DoS);
        return error;
    }
}
