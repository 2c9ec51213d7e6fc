using Faithcoin.Consensus.Chain;
using Faithcoin.Consensus.Validation;
using Faithcoin.P2P.Protocol;
using NBitcoin;

namespace Faithcoin.P2P.Tests.Infrastructure;

/// <summary>
/// A header-only chain for the P2P tests: a block index, an active chain by most work, proof-of-work checks
/// on accepted headers ("high-hash", 50) and "prev-blk-not-found" (10) as 0.15's AcceptBlockHeader.
/// </summary>
public sealed class InMemoryChain : IChainSource
{
    private readonly object gate = new();
    private readonly Dictionary<uint256, ChainedHeader> index = [];
    private readonly Dictionary<uint256, byte[]> blocks = [];
    private readonly List<Block> acceptedBlocks = [];
    private List<ChainedHeader> active = [];

    public InMemoryChain(IEnumerable<BlockHeader> headers)
    {
        ChainedHeader? previous = null;
        foreach (var header in headers)
        {
            var chained = new ChainedHeader(header, header.GetHash(), previous);
            index[chained.HashBlock] = chained;
            active.Add(chained);
            previous = chained;
        }

        BestHeader = active[^1];
    }

    public ChainedHeader Tip
    {
        get
        {
            lock (gate)
            {
                return active[^1];
            }
        }
    }

    public ChainedHeader BestHeader { get; private set; }

    public bool IsInitialBlockDownload { get; set; }

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

    public static InMemoryChain GenesisOnly() => new([ChainParams.Regtest.CreateGenesisBlock().Header]);

    public void AddBlock(Block block)
    {
        lock (gate)
        {
            blocks[block.GetHash()] = block.ToBytes();
        }
    }

    public ChainedHeader? FindHeader(uint256 hash)
    {
        lock (gate)
        {
            return index.GetValueOrDefault(hash);
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
            var fork = active[0];
            foreach (var hash in locator.Blocks)
            {
                if (index.TryGetValue(hash, out var known) && known.Height < active.Count && active[known.Height] == known)
                {
                    fork = known;
                    break;
                }
            }

            var result = new List<ChainedHeader>();
            for (var height = fork.Height + 1; height < active.Count && result.Count < maxCount; height++)
            {
                result.Add(active[height]);
                if (active[height].HashBlock == hashStop)
                {
                    break;
                }
            }

            return result;
        }
    }

    public ValueTask<byte[]?> ReadBlockAsync(uint256 hash, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return ValueTask.FromResult(blocks.GetValueOrDefault(hash));
        }
    }

    public ValueTask<HeadersAcceptResult> AcceptHeadersAsync(IReadOnlyList<BlockHeader> headers, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            ChainedHeader? last = null;
            foreach (var header in headers)
            {
                if (!index.TryGetValue(header.HashPrevBlock, out var previous))
                {
                    return ValueTask.FromResult(HeadersAcceptResult.Rejected(new ValidationError("prev-blk-not-found", 10)));
                }

                if (!header.CheckProofOfWork())
                {
                    return ValueTask.FromResult(HeadersAcceptResult.Rejected(new ValidationError("high-hash", 50)));
                }

                var hash = header.GetHash();
                if (!index.TryGetValue(hash, out last))
                {
                    last = new ChainedHeader(header, hash, previous);
                    index[hash] = last;
                }

                if (last.ChainWork > BestHeader.ChainWork)
                {
                    BestHeader = last;
                    active = Enumerable.Range(0, last.Height + 1).Select(h => last.GetAncestor(h)!).ToList();
                }
            }

            return ValueTask.FromResult(HeadersAcceptResult.Accepted(last!));
        }
    }

    public ValueTask<BlockAcceptResult> AcceptBlockAsync(Block block, bool forceProcessing, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            acceptedBlocks.Add(block);
        }

        return ValueTask.FromResult(BlockAcceptResult.Accepted(true));
    }
}
