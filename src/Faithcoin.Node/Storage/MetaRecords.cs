using System.Buffers;
using NBitcoin;

namespace Faithcoin.Node.Storage;

/// <summary>Values of the meta column family: hashes as 32 raw bytes, numbers as VARINT.</summary>
public static class MetaRecords
{
    public static void WriteHash(IBufferWriter<byte> writer, uint256 hash)
    {
        ArgumentNullException.ThrowIfNull(hash);
        hash.ToBytes(writer.GetSpan(32)[..32], true);
        writer.Advance(32);
    }

    public static uint256 ReadHash(ReadOnlySpan<byte> value) =>
        value.Length == 32 ? new uint256(value) : throw new FormatException("A stored hash is not 32 bytes.");

    public static void WriteHeadBlocks(IBufferWriter<byte> writer, HeadBlocks heads)
    {
        ArgumentNullException.ThrowIfNull(heads);
        WriteHash(writer, heads.NewTip);
        WriteHash(writer, heads.OldTip);
    }

    public static HeadBlocks ReadHeadBlocks(ReadOnlySpan<byte> value) =>
        value.Length == 64
            ? new HeadBlocks(new uint256(value[..32]), new uint256(value[32..]))
            : throw new FormatException("The head blocks marker is not two hashes.");

    public static void WriteCursor(IBufferWriter<byte> writer, BlockFileCursor cursor)
    {
        StorageEncoding.WriteVarInt(writer, (ulong)cursor.FileNumber);
        StorageEncoding.WriteVarInt(writer, (ulong)cursor.Offset);
    }

    public static BlockFileCursor ReadCursor(ReadOnlySpan<byte> value)
    {
        var reader = new StorageReader(value);
        var cursor = new BlockFileCursor(reader.ReadVarIntAsInt32(), reader.ReadVarIntAsInt64());
        reader.EnsureEnd();
        return cursor;
    }

    public static void WriteVersion(IBufferWriter<byte> writer, int version)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(version);
        StorageEncoding.WriteVarInt(writer, (ulong)version);
    }

    public static int ReadVersion(ReadOnlySpan<byte> value)
    {
        var reader = new StorageReader(value);
        var version = reader.ReadVarIntAsInt32();
        reader.EnsureEnd();
        return version;
    }
}
