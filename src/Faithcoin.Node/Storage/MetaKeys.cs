namespace Faithcoin.Node.Storage;

/// <summary>Keys of the meta column family; the letters follow Core's txdb.cpp where Core has the same record.</summary>
public static class MetaKeys
{
    /// <summary>Hash of the block the coins column family is consistent with (DB_BEST_BLOCK).</summary>
    public const byte BestBlock = (byte)'B';

    /// <summary>New tip then old tip while a multi-batch flush is in progress (DB_HEAD_BLOCKS).</summary>
    public const byte HeadBlocks = (byte)'H';

    /// <summary>Append position of the block files (Core's DB_LAST_BLOCK plus the size of that file).</summary>
    public const byte BlockFileCursor = (byte)'l';

    /// <summary>Format version of every record in the database; a mismatch asks for -reindex.</summary>
    public const byte SchemaVersion = (byte)'V';

    /// <summary>Present while a -reindex has not finished reading the block files (DB_REINDEX_FLAG).</summary>
    public const byte Reindexing = (byte)'R';

    /// <summary>Present once block files have been pruned (Core's "prunedblockfiles" flag, fHavePruned).</summary>
    public const byte HavePruned = (byte)'P';
}
