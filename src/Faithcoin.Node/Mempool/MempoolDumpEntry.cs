using NBitcoin;

namespace Faithcoin.Node.Mempool;

/// <summary>One mempool.dat entry: the transaction, when it entered the pool (Unix seconds) and its fee delta.</summary>
public sealed record MempoolDumpEntry(Transaction Transaction, long Time, long FeeDelta);
