namespace Faithcoin.P2P.Protocol;

/// <summary>
/// What block download needs to know of a header in the block index (the nStatus bits and nChainTx of 0.15's
/// CBlockIndex, plus the segwit state its block is judged under).
/// </summary>
[Flags]
public enum BlockAvailability
{
    None = 0,

    /// <summary>BLOCK_HAVE_DATA: the full block is stored.</summary>
    HaveData = 1 << 0,

    /// <summary>nChainTx != 0: this block and every ancestor have data, so it can be connected.</summary>
    ChainHasData = 1 << 1,

    /// <summary>BLOCK_FAILED_MASK (not IsValid(BLOCK_VALID_TREE)): the block or an ancestor is invalid.</summary>
    Failed = 1 << 2,

    /// <summary>IsWitnessEnabled(pprev): segwit is active for this block, so only witness peers may serve it.</summary>
    WitnessActive = 1 << 3,
}
