using Microsoft.Win32.SafeHandles;

namespace Faithcoin.Node.Storage;

/// <summary>
/// A small set of read-only handles on block files shared by concurrent readers (peers asking for blocks, the chain
/// manager). A reader holds a reference for the duration of one read, so a handle closed by eviction stays usable
/// until that read ends.
/// </summary>
internal sealed class BlockFileHandles : IDisposable
{
    private readonly string _directory;
    private readonly int _capacity;
    private readonly Dictionary<int, SafeFileHandle> _open = [];
    private readonly Queue<int> _openOrder = new();
    private readonly Lock _lock = new();
    private bool _disposed;

    public BlockFileHandles(string directory, int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _directory = directory;
        _capacity = capacity;
    }

    /// <summary>A referenced handle; dispose it when the read is done. Throws <see cref="FileNotFoundException"/> for a missing file.</summary>
    public Lease Rent(int fileNumber)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (!_open.TryGetValue(fileNumber, out var handle))
            {
                handle = File.OpenHandle(BlockFileNames.PathOf(_directory, fileNumber), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                if (_open.Count >= _capacity)
                {
                    var oldest = _openOrder.Dequeue();
                    _open.Remove(oldest, out var evicted);
                    evicted?.Dispose();
                }

                _open.Add(fileNumber, handle);
                _openOrder.Enqueue(fileNumber);
            }

            var added = false;
            handle.DangerousAddRef(ref added);
            return new Lease(handle);
        }
    }

    /// <summary>Closes the cached handle of a file about to be deleted; reads holding a lease finish first.</summary>
    public void Forget(int fileNumber)
    {
        lock (_lock)
        {
            if (_open.Remove(fileNumber, out var handle))
            {
                handle.Dispose();
                var remaining = _openOrder.Where(n => n != fileNumber).ToArray();
                _openOrder.Clear();
                foreach (var number in remaining)
                {
                    _openOrder.Enqueue(number);
                }
            }
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _disposed = true;
            foreach (var handle in _open.Values)
            {
                handle.Dispose();
            }

            _open.Clear();
            _openOrder.Clear();
        }
    }

    internal readonly struct Lease(SafeFileHandle handle) : IDisposable
    {
        public SafeFileHandle Handle { get; } = handle;

        public void Dispose() => Handle.DangerousRelease();
    }
}
