using NBitcoin;

namespace Faithcoin.Node.Mempool.Policy;

/// <summary>
/// A pool transaction a replacement conflicts with directly: its modified fee and virtual size, and how many
/// transactions evicting it would remove (itself plus its descendants, 0.15's GetCountWithDescendants).
/// </summary>
public sealed record ConflictingEntry(Transaction Transaction, long ModifiedFee, long VirtualSize, long CountWithDescendants);
