using Faithcoin.Consensus.Coins;
using Faithcoin.Consensus.Rules.Blocks;
using Faithcoin.Consensus.Rules.Headers;
using Faithcoin.Consensus.Validation;
using NBitcoin;

namespace Faithcoin.Node.Chain.Queries;

/// <summary>
/// 0.15's TestBlockValidity for blocks built on the current tip (getblocktemplate's own templates and BIP23
/// proposals): contextual header rules, the block rules, the contextual block rules and a full connect with scripts
/// against a throw-away overlay of the coins, all under the chain lock so the tip cannot move meanwhile. Nothing is
/// stored and the proof of work is not checked.
/// </summary>
public sealed class BlockValidityTester(ChainManager chain, TimeProvider time)
{
    private readonly BlockCheck blockCheck = new();
    private readonly ContextualBlockCheck contextualCheck = new();

    /// <summary>Null when the block would be valid on the tip; the first rule it breaks otherwise.</summary>
    /// <exception cref="InvalidOperationException">The block is not built on the current tip.</exception>
    public ValidationError? Test(Block block)
    {
        ArgumentNullException.ThrowIfNull(block);
        var consensus = chain.ChainParams.Consensus;
        var checkpoints = chain.Settings.CheckpointsEnabled;
        var connector = new BlockConnector(consensus, new BlockCheck([]));
        return chain.ReadLocked(context =>
        {
            var previous = context.Active.Tip!;
            if (block.Header.HashPrevBlock != previous.HashBlock)
            {
                throw new InvalidOperationException("TestBlockValidity only supports blocks built on the current tip.");
            }

            var headers = new HeaderValidator(consensus, context.Index, checkpoints);
            var error = headers.ContextualCheckBlockHeader(block.Header, previous, time.GetUtcNow().ToUnixTimeSeconds())
                        ?? blockCheck.Check(block);
            if (error is not null)
            {
                return error;
            }

            var rules = BlockRuleContext.From(previous, context.RuleSets.ForNextBlock(previous, block.Header.BlockTime.ToUnixTimeSeconds()));
            error = contextualCheck.Check(block, rules);
            if (error is not null)
            {
                return error;
            }

            // The overlay is dropped unflushed: the coins cache below it only gains read-through entries.
            var view = new CoinsViewCache(context.Coins);
            return connector.ConnectBlock(block, rules, view).VerifySequentially();
        });
    }
}
