using System.Collections.Concurrent;
using Faithcoin.Consensus.Chain;
using Faithcoin.Consensus.Rules.Headers;
using Faithcoin.Node.Storage;
using NBitcoin;

namespace Faithcoin.Node.Chain;

/// <summary>
/// Every header the node has accepted, on any branch (Core's mapBlockIndex), with the bookkeeping of the best-chain
/// search: the candidate tips (setBlockIndexCandidates), blocks whose data came before their parent's
/// (mapBlocksUnlinked), the best header and the entries changed since the last commit. Lookups by hash are safe from
/// any thread; everything else belongs to the chain manager's writer.
/// </summary>
public sealed class BlockIndex : IBlockIndexLookup
{
    private readonly ConcurrentDictionary<uint256, BlockIndexEntry> entries = new();
    private readonly Dictionary<BlockIndexEntry, List<BlockIndexEntry>> unlinked = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<BlockIndexEntry> dirty = new(ReferenceEqualityComparer.Instance);
    private long nextCreationOrder;
    private int nextSequenceId = 2;
    private volatile BlockIndexEntry? bestHeader;

    /// <summary>Tips that may become the active tip, ordered by <see cref="BlockIndexWorkComparer"/>.</summary>
    public SortedSet<BlockIndexEntry> Candidates { get; } = new(BlockIndexWorkComparer.Instance);

    /// <summary>The most-work header not known to be invalid (pindexBestHeader).</summary>
    public BlockIndexEntry? BestHeader => bestHeader;

    /// <summary>The most-work block found invalid (pindexBestInvalid).</summary>
    public BlockIndexEntry? BestInvalid { get; internal set; }

    public int Count => entries.Count;

    public IEnumerable<BlockIndexEntry> Entries => entries.Values;

    public BlockIndexEntry? Find(uint256 hash)
    {
        ArgumentNullException.ThrowIfNull(hash);
        return entries.GetValueOrDefault(hash);
    }

    ChainedHeader? IBlockIndexLookup.Find(uint256 hash) => Find(hash);

    /// <summary>Adds a header whose parent is already in the index (AddToBlockIndex); its validity starts at <see cref="BlockStatus.ValidTree"/>.</summary>
    internal BlockIndexEntry Add(BlockHeader header, uint256 hash, BlockIndexEntry? previous)
    {
        var entry = new BlockIndexEntry(header, hash, previous, nextCreationOrder++);
        entry.RaiseValidity(BlockStatus.ValidTree);
        entries[hash] = entry;
        MarkDirty(entry);
        ConsiderBestHeader(entry);
        return entry;
    }

    /// <summary>Adds an entry read from the database; its parent must have been loaded first.</summary>
    internal BlockIndexEntry Load(BlockIndexRecord record, BlockHeader header, BlockIndexEntry? previous)
    {
        var entry = new BlockIndexEntry(header, record.Hash, previous, nextCreationOrder++)
        {
            Status = record.Status,
            TransactionCount = record.TransactionCount,
            DataPosition = record.Data,
        };
        entries[record.Hash] = entry;
        return entry;
    }

    internal int NextSequenceId() => nextSequenceId++;

    internal void ConsiderBestHeader(BlockIndexEntry entry)
    {
        if (entry.IsValid(BlockStatus.ValidTree) && (bestHeader is null || BlockIndexWorkComparer.Instance.IsWorse(bestHeader, entry)))
        {
            bestHeader = entry;
        }
    }

    internal void ResetBestHeader(BlockIndexEntry? entry) => bestHeader = entry;

    internal void MarkDirty(BlockIndexEntry entry) => dirty.Add(entry);

    /// <summary>The entries changed since the last call, for the next commit.</summary>
    internal List<BlockIndexEntry> TakeDirty()
    {
        var list = dirty.ToList();
        dirty.Clear();
        return list;
    }

    internal void AddUnlinked(BlockIndexEntry parent, BlockIndexEntry child)
    {
        if (!unlinked.TryGetValue(parent, out var children))
        {
            children = [];
            unlinked.Add(parent, children);
        }

        if (!children.Contains(child))
        {
            children.Add(child);
        }
    }

    /// <summary>Forgets a pruned block waiting for its parent's data: without its own data it can no longer connect.</summary>
    internal void RemoveUnlinked(BlockIndexEntry child)
    {
        if (child.Previous is { } parent && unlinked.TryGetValue(parent, out var children) && children.Remove(child) && children.Count == 0)
        {
            unlinked.Remove(parent);
        }
    }

    /// <summary>Removes and returns the blocks with data that waited for <paramref name="parent"/>'s data.</summary>
    internal IReadOnlyList<BlockIndexEntry> TakeUnlinked(BlockIndexEntry parent) =>
        unlinked.Remove(parent, out var children) ? children : [];

    /// <summary>Every entry that descends from <paramref name="ancestor"/>, itself excluded.</summary>
    internal IEnumerable<BlockIndexEntry> DescendantsOf(BlockIndexEntry ancestor) =>
        entries.Values.Where(e => e.Height > ancestor.Height && e.DescendsFrom(ancestor));
}
