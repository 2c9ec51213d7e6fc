namespace Faithcoin.Node.Mempool;

/// <summary>
/// The pool's own limits: -maxmempool (bytes), -mempoolexpiry (hours), -minrelaytxfee and -incrementalrelayfee
/// (satoshis per 1,000 vbytes), the package limits, -maxorphantx, -mempoolreplacement, -maxtxfee (satoshis) and
/// -persistmempool.
/// </summary>
public sealed record MempoolSettings(
    long MaxMempoolBytes = 300_000_000,
    int ExpiryHours = 336,
    long MinRelayFeePerKilobyte = 100_000,
    long IncrementalRelayFeePerKilobyte = 1_000,
    MempoolLimits? Limits = null,
    int MaxOrphanTransactions = 100,
    bool EnableReplacement = true,
    long MaxTransactionFee = 10_000_000,
    bool PersistMempool = true)
{
    public MempoolLimits PackageLimits => Limits ?? new MempoolLimits();
}
