using NBitcoin;

namespace Faithcoin.Consensus.Rules.Deployments;

/// <summary>
/// The soft forks in force for one block: what 0.15's GetBlockScriptFlags returns plus the other per-block
/// switches ConnectBlock and ContextualCheckBlock derive from the same deployments.
/// </summary>
/// <param name="Height">The height of the block these rules apply to.</param>
/// <param name="ScriptFlags">The consensus script verification flags for the block's inputs.</param>
/// <param name="CsvActive">
/// BIP68 sequence locks (LOCKTIME_VERIFY_SEQUENCE) and BIP113 median-time-past lock-time cutoff
/// (LOCKTIME_MEDIAN_TIME_PAST) are enforced.
/// </param>
/// <param name="SegwitActive">Witness data and the witness commitment are allowed and checked.</param>
/// <param name="Bip34Active">The coinbase must start with the block height.</param>
public sealed record BlockRuleSet(
    int Height,
    ScriptVerify ScriptFlags,
    bool CsvActive,
    bool SegwitActive,
    bool Bip34Active);
