using Faithcoin.Consensus.Chain;
using Faithcoin.Consensus.Coins;
using Faithcoin.Consensus.Rules.Transactions;
using Faithcoin.Consensus.Scripting;
using Faithcoin.Consensus.Validation;
using NBitcoin;
using Coin = Faithcoin.Consensus.Coins.Coin;

namespace Faithcoin.Consensus.Rules.Blocks;

/// <summary>
/// Core's ConnectBlock and DisconnectBlock against an in-memory coins overlay. Connecting re-runs the
/// context-free block check (as Core does, in case an older version stored a bad block), applies every
/// transaction to the view and returns the undo data plus the script checks still to run.
/// </summary>
public sealed class BlockConnector
{
    private readonly ConsensusParams consensus;
    private readonly BlockCheck blockCheck;
    private readonly Bip30Rule bip30;

    public BlockConnector(ConsensusParams consensus, BlockCheck blockCheck)
    {
        ArgumentNullException.ThrowIfNull(consensus);
        ArgumentNullException.ThrowIfNull(blockCheck);
        this.consensus = consensus;
        this.blockCheck = blockCheck;
        bip30 = new Bip30Rule(consensus);
    }

    /// <summary>
    /// Applies the block to <paramref name="view"/>, whose best block must be the block's parent. On error the
    /// view may be half-updated and must be dropped.
    /// </summary>
    /// <param name="verifyScripts">False skips script checks, as assumevalid does for buried ancestors.</param>
    public ConnectBlockResult ConnectBlock(Block block, BlockRuleContext context, CoinsViewCache view, bool verifyScripts = true)
    {
        ArgumentNullException.ThrowIfNull(block);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(view);

        var error = blockCheck.Check(block);
        if (error is not null)
        {
            return ConnectBlockResult.Failed(error);
        }

        var hash = block.GetHash();
        if (hash == consensus.GenesisHash)
        {
            // The genesis outputs are never added: the original cannot spend them either.
            view.BestBlock = hash;
            return ConnectBlockResult.Connected(new BlockUndo([]), [], 0);
        }

        var previous = context.Previous ?? throw new ArgumentException("Only the genesis block has no parent.", nameof(context));
        if (view.BestBlock != previous.HashBlock)
        {
            throw new InvalidOperationException($"The view is at {view.BestBlock}, not at the parent {previous.HashBlock}.");
        }

        var height = context.Height;
        var transactions = block.Transactions;
        var txids = transactions.Select(t => t.GetHash()).ToArray();
        if (bip30.Applies(hash, previous))
        {
            error = Bip30Rule.Check(transactions, txids, view);
            if (error is not null)
            {
                return ConnectBlockResult.Failed(error);
            }
        }

        var flags = context.ScriptFlags;
        var scriptChecks = new List<ScriptCheck>();
        var undo = new List<TxUndo>(Math.Max(0, transactions.Count - 1));
        long fees = 0;
        long sigOpsCost = 0;
        for (var i = 0; i < transactions.Count; i++)
        {
            var tx = transactions[i];
            Coin[] coins = [];
            if (!tx.IsCoinBase)
            {
                error = InputsAvailableRule.Check(tx, view, out coins)
                        ?? SequenceLockRule.Check(tx, coins.Select(c => c.Height).ToArray(), previous, context.CsvActive);
                if (error is not null)
                {
                    return ConnectBlockResult.Failed(error);
                }
            }

            var spentOutputs = coins.Select(c => c.Output).ToArray();
            sigOpsCost += SigOpCounter.TransactionCost(tx, spentOutputs, flags);
            if (sigOpsCost > ConsensusConstants.MaxBlockSigopsCost)
            {
                return ConnectBlockResult.Failed(new ValidationError("bad-blk-sigops", 100, Debug: "ConnectBlock(): too many sigops"));
            }

            if (!tx.IsCoinBase)
            {
                error = TransactionInputsRule.Check(tx, coins, height, consensus.CoinbaseMaturity, out var fee);
                if (error is not null)
                {
                    return ConnectBlockResult.Failed(error);
                }

                fees += fee;
                if (verifyScripts)
                {
                    AddScriptChecks(tx, spentOutputs, flags, scriptChecks);
                }

                undo.Add(new TxUndo(SpendInputs(tx, view)));
            }

            view.AddTransactionOutputs(tx, height, txids[i]);
        }

        error = CoinbaseAmountRule.Check(block, fees, height, consensus.SubsidyHalvingInterval);
        if (error is not null)
        {
            return ConnectBlockResult.Failed(error);
        }

        view.BestBlock = hash;
        return ConnectBlockResult.Connected(new BlockUndo(undo), scriptChecks, fees);
    }

    /// <summary>
    /// Undoes a block that is the view's best block, restoring the coins it spent and removing those it made;
    /// the view's best block becomes the block's parent unless the result is <see cref="DisconnectResult.Failed"/>.
    /// </summary>
    public DisconnectResult DisconnectBlock(Block block, int height, BlockUndo undo, CoinsViewCache view)
    {
        ArgumentNullException.ThrowIfNull(block);
        ArgumentNullException.ThrowIfNull(undo);
        ArgumentNullException.ThrowIfNull(view);
        var transactions = block.Transactions;
        if (undo.Transactions.Count + 1 != transactions.Count)
        {
            return DisconnectResult.Failed;
        }

        var clean = true;
        for (var i = transactions.Count - 1; i >= 0; i--)
        {
            var tx = transactions[i];
            var txid = tx.GetHash();
            var coinbase = tx.IsCoinBase;
            for (var o = 0; o < tx.Outputs.Count; o++)
            {
                var output = tx.Outputs[o];
                if (ScriptPatterns.IsUnspendable(output.ScriptPubKey.ToBytes(true)))
                {
                    continue;
                }

                var existing = view.SpendCoin(new OutPoint(txid, o));
                if (existing is null || !existing.SameAs(new Coin(output, height, coinbase)))
                {
                    clean = false;
                }
            }

            if (i == 0)
            {
                continue;
            }

            var spent = undo.Transactions[i - 1].SpentCoins;
            if (spent.Count != tx.Inputs.Count)
            {
                return DisconnectResult.Failed;
            }

            for (var j = tx.Inputs.Count - 1; j >= 0; j--)
            {
                var outpoint = tx.Inputs[j].PrevOut;
                var overwriting = view.HaveCoin(outpoint);
                clean &= !overwriting;
                view.AddCoin(outpoint, spent[j], possibleOverwrite: overwriting);
            }
        }

        view.BestBlock = block.Header.HashPrevBlock;
        return clean ? DisconnectResult.Ok : DisconnectResult.Unclean;
    }

    private static void AddScriptChecks(Transaction tx, TxOut[] spentOutputs, ScriptVerify flags, List<ScriptCheck> checks)
    {
        // Witness signature hashes share per-transaction midstates; legacy ones do not need them.
        var precomputed = tx.HasWitness ? new PrecomputedTransactionData(tx) : null;
        for (var j = 0; j < tx.Inputs.Count; j++)
        {
            checks.Add(new ScriptCheck(tx, j, spentOutputs[j], flags, precomputed));
        }
    }

    private static Coin[] SpendInputs(Transaction tx, CoinsViewCache view)
    {
        var spent = new Coin[tx.Inputs.Count];
        for (var j = 0; j < spent.Length; j++)
        {
            spent[j] = view.SpendCoin(tx.Inputs[j].PrevOut)
                       ?? throw new InvalidOperationException($"Input {j} of {tx.GetHash()} vanished while connecting.");
        }

        return spent;
    }
}
