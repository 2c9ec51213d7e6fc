using Coin = Faithcoin.Consensus.Coins.Coin;

namespace Faithcoin.Node.Storage;

/// <summary>
/// The column families of the chain state database. They live in one database, not several, because RocksDB makes
/// a write batch atomic only within one database: a block's coins, its undo data, its index entry and the best-block
/// marker must land together or not at all.
/// </summary>
public static class ChainStateColumns
{
    /// <summary>RocksDB always has it; nothing is stored there so a stray key is easy to spot.</summary>
    public const string Default = "default";

    /// <summary>Block hash (32 bytes, internal order) → <see cref="BlockIndexRecord"/>.</summary>
    public const string BlockIndex = "block_index";

    /// <summary>Txid (32 bytes) + VARINT(index) → <see cref="Coin"/>.</summary>
    public const string Coins = "coins";

    /// <summary>Block hash (32 bytes) → the block's undo data, opaque to storage.</summary>
    public const string Undo = "undo";

    /// <summary>Single-byte keys of <see cref="MetaKeys"/>.</summary>
    public const string Meta = "meta";

    public static IReadOnlyList<string> All { get; } = [Default, BlockIndex, Coins, Undo, Meta];
}
