using Faithcoin.Consensus.Rules.Blocks;
using NBitcoin;

namespace Faithcoin.P2P.Protocol.Compact;

/// <summary>
/// A block being rebuilt from a cmpctblock (0.15's PartiallyDownloadedBlock): prefilled transactions placed,
/// short ids matched against the pool's and the extra transactions' wtxids, the rest filled from blocktxn.
/// </summary>
public sealed class PartiallyDownloadedBlock
{
    /// <summary>MAX_BLOCK_WEIGHT / MIN_SERIALIZABLE_TRANSACTION_WEIGHT: more transactions than could ever fit.</summary>
    private const int MaxTransactions = 4_000_000 / 40;

    /// <summary>More short ids than this in one hash bucket is treated as a likely collision attack (FAILED).</summary>
    private const int MaxPerBucket = 12;

    private readonly ConsensusFactory factory;
    private BlockHeader? header;
    private Transaction?[] available = [];

    public PartiallyDownloadedBlock(ConsensusFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        this.factory = factory;
    }

    public int PrefilledCount { get; private set; }

    public int MempoolCount { get; private set; }

    public int ExtraCount { get; private set; }

    public int TransactionCount => available.Length;

    public bool IsTransactionAvailable(int index) => available[index] is not null;

    /// <summary>InitData: places what the message and our pools give; Invalid for malformed positions, Failed for short-id collisions.</summary>
    public ReadStatus InitData(HeaderAndShortIds compact, IReadOnlyList<(uint256 Wtxid, Transaction Tx)> pool, IReadOnlyList<(uint256 Wtxid, Transaction Tx)> extra)
    {
        ArgumentNullException.ThrowIfNull(compact);
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(extra);
        if (header is not null)
        {
            throw new InvalidOperationException("InitData runs once.");
        }

        if (compact.Header.Bits.ToCompact() == 0 || compact.BlockTransactionCount == 0 || compact.BlockTransactionCount > MaxTransactions)
        {
            return ReadStatus.Invalid;
        }

        header = compact.Header;
        available = new Transaction?[compact.BlockTransactionCount];
        for (var i = 0; i < compact.Prefilled.Count; i++)
        {
            var prefilled = compact.Prefilled[i];
            if (prefilled.Transaction.Inputs.Count == 0 && prefilled.Transaction.Outputs.Count == 0)
            {
                return ReadStatus.Invalid;
            }

            // Past every short id plus the prefilled ones placed so far, a slot would have neither.
            if (prefilled.Index > ushort.MaxValue || prefilled.Index > compact.ShortIds.Count + i)
            {
                return ReadStatus.Invalid;
            }

            available[prefilled.Index] = prefilled.Transaction;
        }

        PrefilledCount = compact.Prefilled.Count;
        var positions = MapShortIds(compact, out var status);
        if (status != ReadStatus.Ok)
        {
            return status;
        }

        var hasher = compact.CreateHasher();
        var have = new bool[available.Length];
        Match(pool, positions, hasher, have, fromExtra: false);
        Match(extra, positions, hasher, have, fromExtra: true);
        return ReadStatus.Ok;
    }

    /// <summary>FillBlock: the missing transactions in order; Invalid when their count is wrong, Failed when the merkle root does not match.</summary>
    public ReadStatus FillBlock(IReadOnlyList<Transaction> missing, out Block? block)
    {
        ArgumentNullException.ThrowIfNull(missing);
        block = null;
        var source = header ?? throw new InvalidOperationException("FillBlock after InitData only, once.");
        var built = factory.CreateBlock();
        built.Header.Version = source.Version;
        built.Header.HashPrevBlock = source.HashPrevBlock;
        built.Header.HashMerkleRoot = source.HashMerkleRoot;
        built.Header.BlockTime = source.BlockTime;
        built.Header.Bits = source.Bits;
        built.Header.Nonce = source.Nonce;
        var next = 0;
        foreach (var tx in available)
        {
            if (tx is not null)
            {
                built.Transactions.Add(tx);
            }
            else if (next < missing.Count)
            {
                built.Transactions.Add(missing[next++]);
            }
            else
            {
                header = null;
                available = [];
                return ReadStatus.Invalid;
            }
        }

        header = null;
        available = [];
        if (next != missing.Count)
        {
            return ReadStatus.Invalid;
        }

        // CheckBlock's corruption-possible failures (a wrong or mutated merkle tree) mean a short-id collision.
        var root = MerkleRoots.BlockRoot(built, out var mutated);
        if (root != built.Header.HashMerkleRoot || mutated)
        {
            return ReadStatus.Failed;
        }

        block = built;
        return ReadStatus.Ok;
    }

    private static int BucketCount(int count)
    {
        var candidate = Math.Max(count, 2);
        while (!IsPrime(candidate))
        {
            candidate++;
        }

        return candidate;
    }

    private static bool IsPrime(int n)
    {
        for (var d = 2; (long)d * d <= n; d++)
        {
            if (n % d == 0)
            {
                return false;
            }
        }

        return true;
    }

    private Dictionary<ulong, int> MapShortIds(HeaderAndShortIds compact, out ReadStatus status)
    {
        var positions = new Dictionary<ulong, int>(compact.ShortIds.Count);
        var buckets = BucketCount(compact.ShortIds.Count);
        var perBucket = new Dictionary<ulong, int>();
        var offset = 0;
        for (var i = 0; i < compact.ShortIds.Count; i++)
        {
            while (available[i + offset] is not null)
            {
                offset++;
            }

            var id = compact.ShortIds[i];
            positions[id] = i + offset;
            var bucket = id % (ulong)buckets;
            var inBucket = perBucket[bucket] = perBucket.GetValueOrDefault(bucket) + 1;
            if (inBucket > MaxPerBucket)
            {
                status = ReadStatus.Failed;
                return positions;
            }
        }

        // Two transactions with one short id: the full block is simpler than asking for both.
        status = positions.Count != compact.ShortIds.Count ? ReadStatus.Failed : ReadStatus.Ok;
        return positions;
    }

    private void Match(IReadOnlyList<(uint256 Wtxid, Transaction Tx)> candidates, Dictionary<ulong, int> positions, ShortIdHasher hasher, bool[] have, bool fromExtra)
    {
        foreach (var (wtxid, tx) in candidates)
        {
            if (MempoolCount == positions.Count)
            {
                return;
            }

            if (!positions.TryGetValue(hasher.ShortId(wtxid), out var position))
            {
                continue;
            }

            if (!have[position])
            {
                available[position] = tx;
                have[position] = true;
                MempoolCount++;
                ExtraCount += fromExtra ? 1 : 0;
            }
            else if (available[position] is { } placed && (!fromExtra || placed.GetWitHash() != wtxid))
            {
                // Two candidates for one short id: ask for it rather than guess.
                available[position] = null;
                MempoolCount--;
                ExtraCount -= fromExtra ? 1 : 0;
            }
        }
    }
}
