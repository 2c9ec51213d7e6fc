namespace Faithcoin.Node.Mempool;

/// <summary>
/// getmempoolinfo's figures: <see cref="Size"/> transactions, <see cref="Bytes"/> the sum of their virtual sizes,
/// <see cref="Usage"/> the estimated memory the pool uses, <see cref="MaxMempool"/> the -maxmempool limit in bytes,
/// <see cref="MinFeePerKilobyte"/> the fee rate (satoshis per 1,000 virtual bytes) a transaction needs to enter now:
/// the larger of -minrelaytxfee and the dynamic minimum after evictions.
/// </summary>
public sealed record MempoolInfo(int Size, long Bytes, long Usage, long MaxMempool, long MinFeePerKilobyte);
