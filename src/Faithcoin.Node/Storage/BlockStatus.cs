namespace Faithcoin.Node.Storage;

/// <summary>
/// Status bits of a block index entry, with Core 0.15's values (BlockStatus in chain.h) so stored records read
/// the same way a reviewer knows them. The low three bits hold a validity level, not independent flags.
/// </summary>
[Flags]
public enum BlockStatus : uint
{
    ValidUnknown = 0,

    /// <summary>Parsed, version ok, hash satisfies the claimed PoW, timestamp not in the future.</summary>
    ValidHeader = 1,

    /// <summary>All parents known and valid up to the tree level; the block could be part of the main chain.</summary>
    ValidTree = 2,

    /// <summary>Transactions seen and context-free checks passed.</summary>
    ValidTransactions = 3,

    /// <summary>Outputs do not overspend inputs, no double spends, coinbase ok, BIP30.</summary>
    ValidChain = 4,

    /// <summary>Scripts and signatures ok.</summary>
    ValidScripts = 5,

    ValidityMask = 7,

    /// <summary>The full block is in the block files.</summary>
    HaveData = 8,

    /// <summary>Undo data is in the undo column family.</summary>
    HaveUndo = 16,

    FailedValid = 32,
    FailedChild = 64,
    FailedMask = FailedValid | FailedChild,

    /// <summary>The block was received with witness data (a node that enforced SegWit validated it).</summary>
    OptWitness = 128,
}
