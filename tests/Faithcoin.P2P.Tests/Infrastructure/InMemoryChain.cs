using Faithcoin.Consensus.Chain;
using Faithcoin.Consensus.Rules.Blocks;
using Faithcoin.Consensus.Validation;
using Faithcoin.P2P.Protocol;
using NBitcoin;

namespace Faithcoin.P2P.Tests.Infrastructure;

/// <summary>
/// A chain for the P2P tests: a block index, stored blocks, an active chain by most work among blocks whose
/// ancestors all have data, headers accepted as 0.15's AcceptBlockHeader ("prev-blk-not-found", 10), blocks
/// checked for linkage, proof of work ("high-hash", 50) and merkle root ("bad-txnmrklroot", 100) and stored
/// even when their parent's block has not arrived yet. The initial chain counts as connected, with or without
/// block bytes. Tip changes are reported through <see cref="TipChanged"/> after the lock is released.
/// </summary>
public sealed class InMemoryChain : IChainSource
{
    private readonly Lock gate = new();
    private readonly Dictionary<uint256, ChainedHeader> index = [];
    private readonly Dictionary<uint256, byte[]> blocks = [];
    private readonly HashSet<uint256> haveData = [];
    private readonly HashSet<uint256> chainHasData = [];
    private readonly Dictionary<uint256, List<ChainedHeader>> children = [];
    private readonly List<Block> acceptedBlocks = [];
    private readonly MerkleRootRule merkleRoot = new();
    private ChainedHeader tip;
    private ChainedHeader bestHeader;
    private int servedBlocks;

    public InMemoryChain(IEnumerable<BlockHeader> headers)
        : this(headers.Select(h => (h, (byte[]?)null)))
    {
    }

    private InMemoryChain(IEnumerable<(BlockHeader Header, byte[]? Bytes)> connected)
    {
        ChainedHeader? previous = null;
        foreach (var (header, bytes) in connected)
        {
            var chained = new ChainedHeader(header, header.GetHash(), previous);
            Index(chained);
            haveData.Add(chained.HashBlock);
            chainHasData.Add(chained.HashBlock);
            if (bytes is not null)
            {
                blocks[chained.HashBlock] = bytes;
            }

            previous = chained;
        }

        tip = previous ?? throw new ArgumentException("A chain needs a genesis.");
        bestHeader = tip;
    }

    /// <summary>(new tip, fork point, initial download), as the node's UpdatedBlockTip.</summary>
    public event Action<ChainedHeader, ChainedHeader?, bool>? TipChanged;

    public ChainedHeader Tip
    {
        get
        {
            lock (gate)
            {
                return tip;
            }
        }
    }

    public ChainedHeader BestHeader
    {
        get
        {
            lock (gate)
            {
                return bestHeader;
            }
        }
    }

    public bool IsInitialBlockDownload { get; set; }

    /// <summary>Segwit applies to every block (GetAvailability reports WitnessActive).</summary>
    public bool SegwitActive { get; set; }

    /// <summary>A pause before each block is served, to stand for disk and link time in speed comparisons.</summary>
    public TimeSpan ServeDelay { get; set; }

    /// <summary>When set, every block read is counted in it, so tests can see reads of several sources overlap.</summary>
    public ConcurrencyGauge? ServeGauge { get; set; }

    /// <summary>Blocks handed out to getdata.</summary>
    public int ServedBlocks => Volatile.Read(ref servedBlocks);

    public IReadOnlyList<Block> AcceptedBlocks
    {
        get
        {
            lock (gate)
            {
                return acceptedBlocks.ToList();
            }
        }
    }

    public static InMemoryChain GenesisOnly() => FromBlocks([ChainParams.Regtest.CreateGenesisBlock()]);

    /// <summary>A connected chain of full blocks (genesis first) that can serve them.</summary>
    public static InMemoryChain FromBlocks(IEnumerable<Block> chain) => new(chain.Select(b => (b.Header, (byte[]?)b.ToBytes())));

    public void AddBlock(Block block)
    {
        lock (gate)
        {
            blocks[block.GetHash()] = block.ToBytes();
        }
    }

    /// <summary>
    /// Accepts a header without its block, as the node's AcceptBlock has when it raises NewPoWValidBlock: the
    /// block is known, not connected, and not served by getdata yet.
    /// </summary>
    public ChainedHeader AddHeader(BlockHeader header)
    {
        lock (gate)
        {
            var error = AcceptHeader(header, header.GetHash(), out var chained);
            return error is null ? chained! : throw new InvalidOperationException(error.ToString());
        }
    }

    public ChainedHeader? FindHeader(uint256 hash)
    {
        lock (gate)
        {
            return index.GetValueOrDefault(hash);
        }
    }

    public BlockAvailability GetAvailability(ChainedHeader header)
    {
        lock (gate)
        {
            var availability = BlockAvailability.None;
            if (haveData.Contains(header.HashBlock))
            {
                availability |= BlockAvailability.HaveData;
            }

            if (chainHasData.Contains(header.HashBlock))
            {
                availability |= BlockAvailability.ChainHasData;
            }

            if (SegwitActive)
            {
                availability |= BlockAvailability.WitnessActive;
            }

            return availability;
        }
    }

    public BlockLocator GetLocator(ChainedHeader header)
    {
        var hashes = new List<uint256>();
        var step = 1;
        for (var walk = header; walk is not null;)
        {
            hashes.Add(walk.HashBlock);
            if (walk.Height == 0)
            {
                break;
            }

            var height = Math.Max(walk.Height - step, 0);
            walk = walk.GetAncestor(height);
            if (hashes.Count > 10)
            {
                step *= 2;
            }
        }

        return new BlockLocator { Blocks = hashes };
    }

    public IReadOnlyList<ChainedHeader> GetHeadersAfter(BlockLocator locator, uint256 hashStop, int maxCount)
    {
        lock (gate)
        {
            var fork = tip.GetAncestor(0)!;
            foreach (var hash in locator.Blocks)
            {
                if (index.TryGetValue(hash, out var known) && tip.GetAncestor(known.Height)?.HashBlock == hash)
                {
                    fork = known;
                    break;
                }
            }

            var result = new List<ChainedHeader>();
            for (var height = fork.Height + 1; height <= tip.Height && result.Count < maxCount; height++)
            {
                var header = tip.GetAncestor(height)!;
                result.Add(header);
                if (header.HashBlock == hashStop)
                {
                    break;
                }
            }

            return result;
        }
    }

    public async ValueTask<byte[]?> ReadBlockAsync(uint256 hash, CancellationToken cancellationToken)
    {
        using var serving = ServeGauge?.Enter();
        if (ServeDelay > TimeSpan.Zero)
        {
            await Task.Delay(ServeDelay, cancellationToken);
        }

        lock (gate)
        {
            var bytes = blocks.GetValueOrDefault(hash);
            if (bytes is not null)
            {
                servedBlocks++;
            }

            return bytes;
        }
    }

    public ValueTask<HeadersAcceptResult> AcceptHeadersAsync(PowCheckedHeaders headers, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            ChainedHeader? last = null;
            for (var i = 0; i < headers.Count; i++)
            {
                var error = AcceptHeader(headers[i], headers.Hashes[i], out last);
                if (error is not null)
                {
                    return ValueTask.FromResult(HeadersAcceptResult.Rejected(error));
                }
            }

            return ValueTask.FromResult(HeadersAcceptResult.Accepted(last!));
        }
    }

    public ValueTask<BlockAcceptResult> AcceptBlockAsync(Block block, bool forceProcessing, CancellationToken cancellationToken) =>
        AcceptBlockAsync(block, serialized: null, forceProcessing, cancellationToken);

    public ValueTask<BlockAcceptResult> AcceptBlockAsync(Block block, ReadOnlyMemory<byte>? serialized, bool forceProcessing, CancellationToken cancellationToken)
    {
        ChainedHeader oldTip;
        ChainedHeader newTip;
        bool isNew;
        lock (gate)
        {
            acceptedBlocks.Add(block);
            var hash = block.GetHash();
            var error = (block.Header.CheckProofOfWork() ? null : new ValidationError("high-hash", 50))
                ?? merkleRoot.Check(block)
                ?? AcceptHeader(block.Header, hash, out _);
            if (error is not null)
            {
                return ValueTask.FromResult(BlockAcceptResult.Rejected(error));
            }

            isNew = haveData.Add(hash);
            blocks[hash] = serialized?.ToArray() ?? block.ToBytes();
            oldTip = tip;
            LinkDescendants(index[hash]);
            newTip = tip;
        }

        if (newTip != oldTip)
        {
            TipChanged?.Invoke(newTip, LastCommonAncestor(oldTip, newTip), IsInitialBlockDownload);
        }

        return ValueTask.FromResult(BlockAcceptResult.Accepted(isNew));
    }

    private static ChainedHeader LastCommonAncestor(ChainedHeader a, ChainedHeader b)
    {
        a = a.GetAncestor(Math.Min(a.Height, b.Height))!;
        b = b.GetAncestor(a.Height)!;
        while (a.HashBlock != b.HashBlock)
        {
            a = a.Previous!;
            b = b.Previous!;
        }

        return a;
    }

    private ValidationError? AcceptHeader(BlockHeader header, uint256 hash, out ChainedHeader? chained)
    {
        if (index.TryGetValue(hash, out chained))
        {
            return null;
        }

        if (!index.TryGetValue(header.HashPrevBlock, out var previous))
        {
            return new ValidationError("prev-blk-not-found", 10);
        }

        chained = new ChainedHeader(header, hash, previous);
        Index(chained);
        if (chained.ChainWork > bestHeader.ChainWork)
        {
            bestHeader = chained;
        }

        return null;
    }

    private void Index(ChainedHeader chained)
    {
        index[chained.HashBlock] = chained;
        if (chained.Previous is { } previous)
        {
            if (!children.TryGetValue(previous.HashBlock, out var list))
            {
                children[previous.HashBlock] = list = [];
            }

            list.Add(chained);
        }
    }

    // ReceivedBlockTransactions: once a block's parent is connected, it and any stored descendants become candidates.
    private void LinkDescendants(ChainedHeader header)
    {
        if (header.Previous is not null && !chainHasData.Contains(header.Previous.HashBlock))
        {
            return;
        }

        var pending = new Stack<ChainedHeader>([header]);
        while (pending.TryPop(out var next))
        {
            if (!haveData.Contains(next.HashBlock) || !chainHasData.Add(next.HashBlock))
            {
                continue;
            }

            if (next.ChainWork > tip.ChainWork)
            {
                tip = next;
            }

            foreach (var child in children.GetValueOrDefault(next.HashBlock) ?? [])
            {
                pending.Push(child);
            }
        }
    }
}
