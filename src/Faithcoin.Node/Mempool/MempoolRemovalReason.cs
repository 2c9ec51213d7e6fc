namespace Faithcoin.Node.Mempool;

/// <summary>Why an entry left the pool (0.15's MemPoolRemovalReason).</summary>
public enum MempoolRemovalReason
{
    /// <summary>Older than -mempoolexpiry.</summary>
    Expiry,

    /// <summary>Evicted by -maxmempool.</summary>
    SizeLimit,

    /// <summary>No longer final or mature after a reorganisation.</summary>
    Reorg,

    /// <summary>Confirmed by a connected block.</summary>
    Block,

    /// <summary>Spends an output a connected block spent.</summary>
    Conflict,

    /// <summary>Replaced by a BIP125 replacement.</summary>
    Replaced,
}
