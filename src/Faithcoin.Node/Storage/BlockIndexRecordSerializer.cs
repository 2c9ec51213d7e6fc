using System.Buffers;
using NBitcoin;

namespace Faithcoin.Node.Storage;

/// <summary>
/// Value layout under the block hash key: format version byte, VARINT height, VARINT status, VARINT transaction
/// count, then (only with HaveData) VARINT file, VARINT offset, VARINT length, and the 80 header bytes last.
/// </summary>
public static class BlockIndexRecordSerializer
{
    public const byte FormatVersion = 1;

    public static void Write(IBufferWriter<byte> writer, BlockIndexRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        StorageEncoding.WriteByte(writer, FormatVersion);
        StorageEncoding.WriteVarInt(writer, (ulong)record.Height);
        StorageEncoding.WriteVarInt(writer, (ulong)record.Status);
        StorageEncoding.WriteVarInt(writer, (ulong)record.TransactionCount);
        if (record.Data is { } data)
        {
            StorageEncoding.WriteVarInt(writer, (ulong)data.FileNumber);
            StorageEncoding.WriteVarInt(writer, (ulong)data.Offset);
            StorageEncoding.WriteVarInt(writer, (ulong)data.Length);
        }

        StorageEncoding.WriteBytes(writer, record.Header.Span);
    }

    public static BlockIndexRecord Read(uint256 hash, ReadOnlySpan<byte> value)
    {
        var reader = new StorageReader(value);
        var version = reader.ReadByte();
        if (version != FormatVersion)
        {
            throw new FormatException($"Unknown block index record version {version}.");
        }

        var height = reader.ReadVarIntAsInt32();
        var statusValue = reader.ReadVarInt();
        if (statusValue > uint.MaxValue)
        {
            throw new FormatException("Block status out of range.");
        }

        var status = (BlockStatus)statusValue;
        var transactionCount = reader.ReadVarIntAsInt32();
        BlockFilePosition? data = null;
        if (status.Has(BlockStatus.HaveData))
        {
            data = new BlockFilePosition(reader.ReadVarIntAsInt32(), reader.ReadVarIntAsInt64(), reader.ReadVarIntAsInt32());
        }

        var header = reader.Take(BlockIndexRecord.HeaderSize).ToArray();
        reader.EnsureEnd();
        return new BlockIndexRecord(hash, header, height, status, transactionCount, data);
    }
}
