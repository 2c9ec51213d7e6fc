using NBitcoin;

namespace Faithcoin.Node.Mempool;

/// <summary>The contents of mempool.dat: entries in pool order and the prioritisations of transactions not in it.</summary>
public sealed record MempoolDump(IReadOnlyList<MempoolDumpEntry> Entries, IReadOnlyDictionary<uint256, long> Deltas);
