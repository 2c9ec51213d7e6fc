using System.Buffers.Binary;
using Microsoft.Win32.SafeHandles;

namespace Faithcoin.Node.Storage;

/// <summary>
/// Block bodies in append-only files, Core's blk?????.dat layout: each block is preceded by the network's 4-byte
/// message start and its length as uint32 little-endian, which is also what -reindex, -loadblock and linearize
/// read. Appends go straight to the OS (no user-space buffer), so a block handed out with a position survives a
/// killed process; <see cref="Flush"/> makes it survive a power cut and must precede the durable commit of any
/// index entry pointing at it. One writer appends; any thread may read.
/// </summary>
public sealed class BlockFileStore : IDisposable
{
    public const int PrefixSize = 8;

    private readonly BlockFileStoreOptions _options;
    private readonly BlockFileHandles _readers;
    private readonly uint _messageStart;
    private readonly Lock _writeLock = new();
    private SafeFileHandle _writer;
    private BlockFileCursor _cursor;
    private bool _disposed;

    /// <summary>
    /// Opens the files to continue at <paramref name="resumeAt"/>, the cursor the chain state recorded with its last
    /// commit (null for a new chain state: continue after the last existing file's end). Bytes past the cursor belong
    /// to blocks whose index entries never reached the database; they are cut off, as Core overwrites them.
    /// </summary>
    public BlockFileStore(BlockFileStoreOptions options, BlockFileCursor? resumeAt)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.MessageStart.Length != 4)
        {
            throw new ArgumentException("The message start is 4 bytes.", nameof(options));
        }

        _options = options;
        _messageStart = BinaryPrimitives.ReadUInt32LittleEndian(options.MessageStart.Span);
        Directory.CreateDirectory(options.Directory);
        _cursor = resumeAt ?? BlockFileNames.EndOfLastFile(options.Directory);
        _writer = OpenForResume(_cursor);
        _readers = new BlockFileHandles(options.Directory, options.MaxOpenReadFiles);
    }

    /// <summary>Where the next block goes; store it with the index entries of the blocks appended so far.</summary>
    public BlockFileCursor Cursor
    {
        get
        {
            lock (_writeLock)
            {
                return _cursor;
            }
        }
    }

    public BlockFilePosition Append(ReadOnlySpan<byte> block)
    {
        if (block.Length == 0 || block.Length > _options.MaxBlockSize)
        {
            throw new ArgumentException($"A block must be 1 to {_options.MaxBlockSize} bytes long.", nameof(block));
        }

        lock (_writeLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var recordSize = PrefixSize + block.Length;
            if (_cursor.Offset > 0 && _cursor.Offset + recordSize > _options.MaxFileSize)
            {
                StartNextFile();
            }

            Span<byte> prefix = stackalloc byte[PrefixSize];
            BinaryPrimitives.WriteUInt32LittleEndian(prefix, _messageStart);
            BinaryPrimitives.WriteUInt32LittleEndian(prefix[4..], (uint)block.Length);
            try
            {
                RandomAccess.Write(_writer, prefix, _cursor.Offset);
                RandomAccess.Write(_writer, block, _cursor.Offset + PrefixSize);
            }
            catch (IOException e)
            {
                // The cursor does not move, so the next append overwrites whatever part of this record got written.
                throw new StorageException($"Cannot write to {PathOf(_cursor.FileNumber)}: {e.Message}", e);
            }

            var position = new BlockFilePosition(_cursor.FileNumber, _cursor.Offset + PrefixSize, block.Length);
            _cursor = _cursor with { Offset = _cursor.Offset + recordSize };
            return position;
        }
    }

    public byte[] Read(BlockFilePosition position)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(position.Length);
        var block = new byte[position.Length];
        Read(position, block);
        return block;
    }

    /// <summary>Reads the block at <paramref name="position"/> into the first <see cref="BlockFilePosition.Length"/> bytes of <paramref name="destination"/>.</summary>
    public void Read(BlockFilePosition position, Span<byte> destination)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(position.FileNumber);
        ArgumentOutOfRangeException.ThrowIfNegative(position.Length);
        if (destination.Length < position.Length)
        {
            throw new ArgumentException("The buffer is smaller than the block.", nameof(destination));
        }

        var path = PathOf(position.FileNumber);
        if (position.Offset < PrefixSize)
        {
            throw new StorageCorruptionException(path, $"the block index points at offset {position.Offset}, before any block");
        }

        BlockFileHandles.Lease lease;
        try
        {
            lease = _readers.Rent(position.FileNumber);
        }
        catch (FileNotFoundException e)
        {
            throw new StorageCorruptionException(path, "the file is missing but the block index points into it", e);
        }

        using (lease)
        {
            var fileLength = RandomAccess.GetLength(lease.Handle);
            if (position.Offset + position.Length > fileLength)
            {
                throw new StorageCorruptionException(
                    path,
                    $"the file is truncated: the block at offset {position.Offset} needs {position.Length} bytes but the file ends at {fileLength}");
            }

            Span<byte> prefix = stackalloc byte[PrefixSize];
            ReadExactly(lease.Handle, prefix, position.Offset - PrefixSize, path);
            if (BinaryPrimitives.ReadUInt32LittleEndian(prefix) != _messageStart)
            {
                throw new StorageCorruptionException(path, $"no message start before the block at offset {position.Offset}");
            }

            var storedLength = BinaryPrimitives.ReadUInt32LittleEndian(prefix[4..]);
            if (storedLength != (uint)position.Length)
            {
                throw new StorageCorruptionException(
                    path,
                    $"the block at offset {position.Offset} is stored with size {storedLength} but indexed with {position.Length}");
            }

            ReadExactly(lease.Handle, destination[..position.Length], position.Offset, path);
        }
    }

    /// <summary>
    /// Deletes a finished block file whose blocks were pruned. The index entries pointing into it must already be
    /// cleared durably: a read that raced with the deletion still completes on its open handle.
    /// </summary>
    public void DeleteFile(int fileNumber)
    {
        lock (_writeLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            ArgumentOutOfRangeException.ThrowIfNegative(fileNumber);
            if (fileNumber >= _cursor.FileNumber)
            {
                throw new ArgumentOutOfRangeException(nameof(fileNumber), "The file blocks are appended to cannot be pruned.");
            }

            _readers.Forget(fileNumber);
            File.Delete(PathOf(fileNumber));
        }
    }

    /// <summary>Forces appended blocks to the disk (fsync), so they survive a power cut.</summary>
    public void Flush()
    {
        lock (_writeLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            FlushToDisk(_writer, _cursor.FileNumber);
        }
    }

    public void Dispose()
    {
        lock (_writeLock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            try
            {
                FlushToDisk(_writer, _cursor.FileNumber);
            }
            finally
            {
                _writer.Dispose();
                _readers.Dispose();
            }
        }
    }

    private static void ReadExactly(SafeFileHandle handle, Span<byte> destination, long offset, string path)
    {
        while (!destination.IsEmpty)
        {
            var read = RandomAccess.Read(handle, destination, offset);
            if (read == 0)
            {
                throw new StorageCorruptionException(path, $"the file ends at offset {offset} inside a block");
            }

            destination = destination[read..];
            offset += read;
        }
    }

    private SafeFileHandle OpenForResume(BlockFileCursor cursor)
    {
        if (cursor.FileNumber < 0 || cursor.Offset < 0)
        {
            throw new StorageCorruptionException(_options.Directory, $"the recorded block file cursor {cursor} is impossible");
        }

        for (var earlier = 0; earlier < cursor.FileNumber && !_options.HavePruned; earlier++)
        {
            if (!File.Exists(PathOf(earlier)))
            {
                throw new StorageCorruptionException(PathOf(earlier), "the file is missing but later block files exist");
            }
        }

        var path = PathOf(cursor.FileNumber);
        if (cursor.Offset > 0 && !File.Exists(path))
        {
            throw new StorageCorruptionException(path, "the file is missing but the chain state has blocks in it");
        }

        var handle = File.OpenHandle(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read | FileShare.Delete);
        try
        {
            var length = RandomAccess.GetLength(handle);
            if (length < cursor.Offset)
            {
                throw new StorageCorruptionException(
                    path,
                    $"the file is truncated: it has {length} bytes but the chain state recorded {cursor.Offset}");
            }

            if (length > cursor.Offset)
            {
                RandomAccess.SetLength(handle, cursor.Offset);
            }

            return handle;
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    private void StartNextFile()
    {
        // The finished file is synced now, like Core's FlushBlockFile(true) on roll-over, so later flushes only sync one file.
        FlushToDisk(_writer, _cursor.FileNumber);
        var next = new BlockFileCursor(_cursor.FileNumber + 1, 0);
        var handle = File.OpenHandle(PathOf(next.FileNumber), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read | FileShare.Delete);

        // A file left by an interrupted run past the recorded cursor holds no indexed block.
        RandomAccess.SetLength(handle, 0);
        _writer.Dispose();
        _writer = handle;
        _cursor = next;
    }

    private void FlushToDisk(SafeFileHandle handle, int fileNumber)
    {
        try
        {
            RandomAccess.FlushToDisk(handle);
        }
        catch (IOException e)
        {
            throw new StorageException($"Cannot sync {PathOf(fileNumber)}: {e.Message}", e);
        }
    }

    private string PathOf(int fileNumber) => BlockFileNames.PathOf(_options.Directory, fileNumber);
}
