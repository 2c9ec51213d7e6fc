namespace Faithcoin.Node.Chain;

/// <summary>A block file as pruning sees it (0.15's CBlockFileInfo): its size and the height of its highest block.</summary>
internal readonly record struct PruningFile(int FileNumber, long Size, int HeightLast);
