namespace Faithcoin.Node.Storage;

/// <summary>How far a committed batch must have travelled before the commit returns.</summary>
public enum WriteDurability
{
    /// <summary>
    /// In the write-ahead log, handed to the OS without fsync: survives the process being killed (kill -9, OOM
    /// killer), not a power cut. For batches that can be recomputed from what was synced before.
    /// </summary>
    SurvivesProcessCrash,

    /// <summary>Write-ahead log fsynced: survives a power cut. For the commit that makes a block's state final on disk.</summary>
    SurvivesPowerLoss,
}
