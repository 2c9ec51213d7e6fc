namespace Faithcoin.Node.Chain;

/// <summary>
/// 0.15's fork warnings (CheckForkWarningConditions and CheckForkWarningConditionsOnNewFork), which the chain
/// manager runs under its lock whenever the tip moves or a chain is found invalid.
/// </summary>
public interface IForkWarningConditions
{
    /// <summary>After the tip moved or a chain was found invalid.</summary>
    void CheckForkWarningConditions(BlockIndexEntry tip, BlockIndexEntry? bestInvalid, bool initialDownload);

    /// <summary>After an activation step that met an invalid block; <paramref name="newForkTip"/> is the block 0.15 passes.</summary>
    void CheckForkWarningConditionsOnNewFork(BlockIndexEntry newForkTip, BlockIndexEntry tip, BlockIndexEntry? bestInvalid, bool initialDownload);
}
