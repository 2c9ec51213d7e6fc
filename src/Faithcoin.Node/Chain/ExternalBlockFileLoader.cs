using System.Diagnostics;
using System.IO.Compression;
using Faithcoin.Node.Storage;
using NBitcoin;

namespace Faithcoin.Node.Chain;

/// <summary>
/// 0.15's LoadExternalBlockFile: feeds every block of a blk?????.dat or bootstrap.dat file to the chain manager. A
/// block whose parent is not known yet waits (in memory, keyed by its parent) until the parent arrives, so files
/// with blocks out of order import completely. Blocks already stored are skipped without validation.
/// </summary>
public sealed class ExternalBlockFileLoader(ChainManager chain, ChainLog log)
{
    private readonly Dictionary<uint256, List<byte[]>> waitingForParent = new();

    /// <summary>Blocks still waiting for a parent that never came.</summary>
    public int WaitingCount => waitingForParent.Values.Sum(l => l.Count);

    /// <summary>
    /// Imports <paramref name="path"/>; a name ending in .gz is read through gunzip. With
    /// <paramref name="reindexFile"/> the file is one of the node's own block files and the blocks stay where they are.
    /// </summary>
    public int Load(string path, int? reindexFile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        var watch = Stopwatch.StartNew();
        var loaded = 0;
        using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16))
        using (var stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : (Stream)file)
        {
            var reader = new BlockRecordReader(stream, path, chain.ChainParams.MessageStart.ToArray());
            var started = ChainTimings.Now();
            while (!cancellationToken.IsCancellationRequested && reader.TryReadNext(out var record))
            {
                chain.Timings.Add(ChainPhase.ReadParse, started);
                BlockFilePosition? position = reindexFile is { } n ? new BlockFilePosition(n, record.Offset, record.Bytes.Length) : null;
                loaded += Offer(record.Bytes.ToArray(), position, cancellationToken);
                started = ChainTimings.Now();
            }
        }

        log.Message($"Loaded {loaded} blocks from external file in {watch.ElapsedMilliseconds}ms");
        log.Message($"Chain thread time so far: {chain.Timings}");
        return loaded;
    }

    private int Offer(byte[] bytes, BlockFilePosition? position, CancellationToken cancellationToken)
    {
        var block = Parse(bytes);
        if (block is null)
        {
            return 0;
        }

        var hash = block.GetHash();
        if (hash != chain.ChainParams.GenesisHash && chain.FindBlock(block.Header.HashPrevBlock) is null)
        {
            // 0.15 keeps the file position; a gzip stream cannot seek back, so the bytes wait instead.
            if (position is null)
            {
                if (!waitingForParent.TryGetValue(block.Header.HashPrevBlock, out var list))
                {
                    list = [];
                    waitingForParent.Add(block.Header.HashPrevBlock, list);
                }

                list.Add(bytes);
            }

            return 0;
        }

        var loaded = Process(block, hash, bytes, position);
        var queue = new Queue<uint256>();
        queue.Enqueue(hash);
        while (queue.TryDequeue(out var parent) && !cancellationToken.IsCancellationRequested)
        {
            if (!waitingForParent.Remove(parent, out var children))
            {
                continue;
            }

            foreach (var childBytes in children)
            {
                var child = Parse(childBytes);
                if (child is null)
                {
                    continue;
                }

                var childHash = child.GetHash();
                log.Message($"LoadExternalBlockFile: Processing out of order child {childHash} of {parent}");
                loaded += Process(child, childHash, childBytes, null);
                queue.Enqueue(childHash);
            }
        }

        return loaded;
    }

    private int Process(Block block, uint256 hash, byte[] bytes, BlockFilePosition? position)
    {
        var known = chain.FindBlock(hash);
        if (known is not null && known.HaveData)
        {
            return 0;
        }

        chain.ProcessNewBlock(block, forceProcessing: true, bytes, position);
        return 1;
    }

    private Block? Parse(byte[] bytes)
    {
        var started = ChainTimings.Now();
        try
        {
            var block = Block.Load(bytes, chain.ChainParams.Network.Consensus.ConsensusFactory);

            // Hashes are asked for many times while a block is checked and connected; compute each once.
            block.Header.PrecomputeHash(false, true);
            foreach (var tx in block.Transactions)
            {
                tx.PrecomputeHash(false, true);
            }

            return block;
        }
        catch (Exception e) when (e is FormatException or EndOfStreamException or ArgumentException or InvalidOperationException)
        {
            log.Failure($"LoadExternalBlockFile: Deserialize or I/O error - {e.Message}");
            return null;
        }
        finally
        {
            chain.Timings.Add(ChainPhase.ReadParse, started);
        }
    }
}
