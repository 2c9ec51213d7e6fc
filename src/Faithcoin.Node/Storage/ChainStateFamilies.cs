using RocksDbSharp;

namespace Faithcoin.Node.Storage;

/// <summary>The column family handles of one open database, looked up once instead of by name on every call.</summary>
internal sealed class ChainStateFamilies
{
    public ChainStateFamilies(RocksDb db)
    {
        BlockIndex = db.GetColumnFamily(ChainStateColumns.BlockIndex);
        Coins = db.GetColumnFamily(ChainStateColumns.Coins);
        Undo = db.GetColumnFamily(ChainStateColumns.Undo);
        Meta = db.GetColumnFamily(ChainStateColumns.Meta);
        Default = db.GetDefaultColumnFamily();
        All = [Default, BlockIndex, Coins, Undo, Meta];
    }

    public ColumnFamilyHandle Default { get; }

    public ColumnFamilyHandle BlockIndex { get; }

    public ColumnFamilyHandle Coins { get; }

    public ColumnFamilyHandle Undo { get; }

    public ColumnFamilyHandle Meta { get; }

    public IReadOnlyList<ColumnFamilyHandle> All { get; }

    public ColumnFamilyHandle Get(string name) => name switch
    {
        ChainStateColumns.Default => Default,
        ChainStateColumns.BlockIndex => BlockIndex,
        ChainStateColumns.Coins => Coins,
        ChainStateColumns.Undo => Undo,
        ChainStateColumns.Meta => Meta,
        _ => throw new ArgumentException($"No column family named {name}.", nameof(name)),
    };
}
