using Faithcoin.Consensus.Chain;
using Faithcoin.Consensus.Rules.Deployments;
using NBitcoin;

namespace Faithcoin.Consensus.Rules.Blocks;

/// <summary>
/// What the chain says about the block being checked: its parent and the deployments in force for it. The
/// deployment state is computed elsewhere (versionbits, buried heights) and handed in, so these rules stay pure.
/// </summary>
/// <param name="Previous">The parent header; null only for the genesis block.</param>
/// <param name="ScriptFlags">Core's GetBlockScriptFlags for this block.</param>
/// <param name="CsvActive">BIP68/112/113 are active (LOCKTIME_MEDIAN_TIME_PAST and LOCKTIME_VERIFY_SEQUENCE).</param>
/// <param name="SegwitActive">BIP141 is active: witness commitments are checked and witness data allowed.</param>
/// <param name="Bip34Active">The block's height is at least BIP34Height: the coinbase must start with the height.</param>
public sealed record BlockRuleContext(
    ChainedHeader? Previous,
    ScriptVerify ScriptFlags,
    bool CsvActive,
    bool SegwitActive,
    bool Bip34Active)
{
    public int Height => Previous is null ? 0 : Previous.Height + 1;

    /// <summary>The context for the block after <paramref name="previous"/>, from the deployments provider's verdict.</summary>
    public static BlockRuleContext From(ChainedHeader? previous, BlockRuleSet rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var height = previous is null ? 0 : previous.Height + 1;
        if (rules.Height != height)
        {
            throw new ArgumentException($"The rules are for height {rules.Height}, not {height}.", nameof(rules));
        }

        return new BlockRuleContext(previous, rules.ScriptFlags, rules.CsvActive, rules.SegwitActive, rules.Bip34Active);
    }
}
