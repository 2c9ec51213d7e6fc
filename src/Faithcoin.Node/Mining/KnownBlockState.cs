namespace Faithcoin.Node.Mining;

/// <summary>What the block index knew about a submitted block's hash before submitblock processed it.</summary>
public enum KnownBlockState
{
    /// <summary>Not in the block index.</summary>
    Unknown,

    /// <summary>In the index but not yet fully validated (for example only its header).</summary>
    HeaderOnly,

    /// <summary>Valid up to its scripts (BLOCK_VALID_SCRIPTS).</summary>
    FullyValidated,

    /// <summary>Marked failed (BLOCK_FAILED_MASK).</summary>
    Failed,
}
