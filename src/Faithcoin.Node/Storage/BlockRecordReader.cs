using System.Buffers.Binary;

namespace Faithcoin.Node.Storage;

/// <summary>
/// Reads message-start + size + block records in sequence from a blk?????.dat or bootstrap.dat stream (what
/// -reindex and -loadblock walk). Strict: a record cut short, a wrong message start or an impossible size is
/// reported as corruption of the named source, not skipped.
/// </summary>
public sealed class BlockRecordReader
{
    private readonly Stream _stream;
    private readonly string _sourceName;
    private readonly uint _messageStart;
    private readonly int _maxBlockSize;
    private byte[] _buffer = new byte[64 * 1024];
    private long _offset;

    public BlockRecordReader(Stream stream, string sourceName, ReadOnlyMemory<byte> messageStart, int maxBlockSize = 4_000_000)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sourceName);
        if (messageStart.Length != 4)
        {
            throw new ArgumentException("The message start is 4 bytes.", nameof(messageStart));
        }

        _stream = stream;
        _sourceName = sourceName;
        _messageStart = BinaryPrimitives.ReadUInt32LittleEndian(messageStart.Span);
        _maxBlockSize = maxBlockSize;
    }

    /// <summary>Reads the next block; false at the end of the stream, exactly between two records.</summary>
    public bool TryReadNext(out BlockRecord record)
    {
        Span<byte> prefix = stackalloc byte[BlockFileStore.PrefixSize];
        var prefixRead = _stream.ReadAtLeast(prefix, prefix.Length, throwOnEndOfStream: false);
        if (prefixRead == 0)
        {
            record = default;
            return false;
        }

        if (prefixRead < prefix.Length)
        {
            throw new StorageCorruptionException(_sourceName, $"the file ends inside a record header at offset {_offset}");
        }

        if (BinaryPrimitives.ReadUInt32LittleEndian(prefix) != _messageStart)
        {
            throw new StorageCorruptionException(_sourceName, $"no message start at offset {_offset}");
        }

        var size = BinaryPrimitives.ReadUInt32LittleEndian(prefix[4..]);
        if (size == 0 || size > _maxBlockSize)
        {
            throw new StorageCorruptionException(_sourceName, $"the record at offset {_offset} announces an impossible block size {size}");
        }

        if (_buffer.Length < size)
        {
            _buffer = new byte[Math.Max(size, _buffer.Length * 2)];
        }

        var bodyRead = _stream.ReadAtLeast(_buffer.AsSpan(0, (int)size), (int)size, throwOnEndOfStream: false);
        if (bodyRead < size)
        {
            throw new StorageCorruptionException(
                _sourceName,
                $"the file is truncated: the block at offset {_offset + prefix.Length} needs {size} bytes but only {bodyRead} remain");
        }

        record = new BlockRecord(_offset + prefix.Length, _buffer.AsMemory(0, (int)size));
        _offset += prefix.Length + size;
        return true;
    }
}
