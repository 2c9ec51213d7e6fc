using Faithcoin.Consensus.Coins;
using Faithcoin.Consensus.Rules.Blocks;
using Faithcoin.Consensus.Rules.Headers;
using Faithcoin.Node.Storage;

namespace Faithcoin.Node.Chain.Queries;

/// <summary>
/// 0.15's CVerifyDB::VerifyDB behind verifychain: walks back from the tip over the last <c>depth</c> blocks reading
/// each one (level 0), checking it (1) and its undo data (2), disconnecting it from an in-memory overlay of the coins
/// while that fits the cache budget (3), then reconnects the disconnected blocks (4). The chain lock is held
/// throughout, as 0.15 holds cs_main, and the node's coins are never changed.
/// </summary>
public sealed class ChainVerifier(ChainManager chain, ChainLog log)
{
    public const int DefaultCheckLevel = 3;
    public const int DefaultCheckBlocks = 6;

    /// <summary>True when every check passed; false (with the reason logged) at the first failure.</summary>
    public bool Verify(int checkLevel, int depth, CancellationToken cancellationToken = default)
    {
        var consensus = chain.ChainParams.Consensus;
        var store = chain.Store;
        var budget = chain.Settings.CoinsCacheBytes;
        return chain.ReadLocked(context =>
        {
            var active = context.Active;
            var tip = active.Tip;
            if (tip?.Previous is null)
            {
                return true;
            }

            if (depth <= 0 || depth > active.Height)
            {
                depth = active.Height;
            }

            var level = Math.Clamp(checkLevel, 0, 4);
            log.Message($"Verifying last {depth} blocks at level {level}");
            var headers = new HeaderValidator(consensus, context.Index);
            var blockCheck = new BlockCheck();
            var connector = new BlockConnector(consensus, blockCheck);
            var coins = new CoinsViewCache(context.Coins);
            var state = tip;
            BlockIndexEntry? failure = null;
            var goodTransactions = 0;
            for (var entry = tip; entry?.Previous is not null; entry = entry.Previous)
            {
                if (entry.Height < active.Height - depth)
                {
                    break;
                }

                if (!entry.HaveData)
                {
                    return Fail($"*** block data missing at {entry.Height}, hash={entry.HashBlock}");
                }

                var block = store.ReadBlock(entry);
                if (level >= 1 && (headers.CheckBlockHeader(block.Header) ?? blockCheck.Check(block)) is { } invalid)
                {
                    return Fail($"*** found bad block at {entry.Height}, hash={entry.HashBlock} ({invalid})");
                }

                BlockUndo? undo = null;
                if (level >= 2 && entry.Status.Has(BlockStatus.HaveUndo))
                {
                    undo = store.ReadUndo(entry);
                }

                var fits = (long)(coins.CachedCount + context.Coins.CachedCount) * CoinsTip.EstimatedBytesPerCoin <= budget;
                if (level >= 3 && ReferenceEquals(entry, state) && fits)
                {
                    var result = connector.DisconnectBlock(block, entry.Height, undo ?? store.ReadUndo(entry), coins);
                    if (result == DisconnectResult.Failed)
                    {
                        return Fail($"*** irrecoverable inconsistency in block data at {entry.Height}, hash={entry.HashBlock}");
                    }

                    state = entry.Previous;
                    if (result == DisconnectResult.Unclean)
                    {
                        goodTransactions = 0;
                        failure = entry;
                    }
                    else
                    {
                        goodTransactions += block.Transactions.Count;
                    }
                }

                if (cancellationToken.IsCancellationRequested)
                {
                    return true;
                }
            }

            if (failure is not null)
            {
                return Fail($"*** coin database inconsistencies found (last {active.Height - failure.Height + 1} blocks, {goodTransactions} good transactions before that)");
            }

            if (level >= 4)
            {
                for (var entry = active.Next(state!); entry is not null; entry = active.Next(entry))
                {
                    var block = store.ReadBlock(entry);
                    var rules = BlockRuleContext.From(entry.Previous, context.RuleSets.ForBlock(entry));
                    if (connector.ConnectBlock(block, rules, coins).VerifySequentially() is { } error)
                    {
                        return Fail($"*** found unconnectable block at {entry.Height}, hash={entry.HashBlock} ({error})");
                    }
                }
            }

            log.Message("No coin database inconsistencies in last " + (tip.Height - state!.Height) + " blocks (" + goodTransactions + " transactions)");
            return true;
        });
    }

    private bool Fail(string message)
    {
        log.Failure("VerifyDB(): " + message);
        return false;
    }
}
