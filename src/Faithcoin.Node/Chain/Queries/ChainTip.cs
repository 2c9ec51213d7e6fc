namespace Faithcoin.Node.Chain.Queries;

/// <summary>One row of getchaintips: a leaf of the block tree (or the active tip) and how it relates to the active chain.</summary>
/// <param name="BranchLength">Blocks between the tip and the active chain; 0 for the active tip.</param>
/// <param name="Status">"active", "invalid", "headers-only", "valid-fork", "valid-headers" or "unknown".</param>
public sealed record ChainTip(BlockIndexEntry Entry, int BranchLength, string Status);
