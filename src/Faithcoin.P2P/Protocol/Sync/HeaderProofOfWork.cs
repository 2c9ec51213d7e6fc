using Faithcoin.Consensus.Chain;
using Faithcoin.Consensus.Pow;
using NBitcoin;

namespace Faithcoin.P2P.Protocol.Sync;

/// <summary>
/// The proof-of-work part of CheckBlockHeader for a whole headers message at once. Scrypt is the cost of header
/// sync (2,000 headers a message), so the hashes are computed here with <see cref="ScryptPow.HashBatch"/>
/// (several headers per SIMD pass) split across cores, outside the chain manager's single-writer lock; the chain
/// then accepts the run without hashing again (<see cref="PowCheckedHeaders"/>).
/// </summary>
public sealed class HeaderProofOfWork
{
    // Below this many headers a chunk is not worth a thread: an announcement is one or two headers.
    private const int MinChunk = 16;

    private readonly ConsensusParams consensus;
    private readonly int parallelism;

    public HeaderProofOfWork(ConsensusParams consensus, int parallelism)
    {
        ArgumentNullException.ThrowIfNull(consensus);
        ArgumentOutOfRangeException.ThrowIfLessThan(parallelism, 1);
        this.consensus = consensus;
        this.parallelism = parallelism;
    }

    /// <summary>
    /// Checks every header; the result holds the headers before the first failure (all of them when
    /// <paramref name="firstFailure"/> is -1). 0.15 accepts headers one by one, so those before a bad one stay
    /// accepted, and the bad one costs 50 points (high-hash).
    /// </summary>
    public PowCheckedHeaders Check(IReadOnlyList<BlockHeader> headers, out int firstFailure)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var count = headers.Count;
        var bytes = new byte[count * ScryptPow.HeaderSize];
        var powHashes = new byte[count * ScryptPow.HashSize];
        for (var i = 0; i < count; i++)
        {
            BlockHeaderBytes.Write(headers[i], bytes.AsSpan(i * ScryptPow.HeaderSize, ScryptPow.HeaderSize));
        }

        HashInChunks(bytes, powHashes, count);

        firstFailure = -1;
        var hashes = new List<uint256>(count);
        for (var i = 0; i < count; i++)
        {
            var powHash = new uint256(powHashes.AsSpan(i * ScryptPow.HashSize, ScryptPow.HashSize));
            if (!DifficultyCalculator.CheckProofOfWork(powHash, headers[i].Bits.ToCompact(), consensus))
            {
                firstFailure = i;
                break;
            }

            hashes.Add(headers[i].GetHash());
        }

        var accepted = firstFailure < 0 ? headers : headers.Take(firstFailure).ToList();
        return new PowCheckedHeaders(accepted, hashes);
    }

    private void HashInChunks(byte[] headers, byte[] outputs, int count)
    {
        if (count == 0)
        {
            return;
        }

        var chunks = Math.Clamp(count / MinChunk, 1, parallelism);
        var perChunk = (count + chunks - 1) / chunks;
        if (chunks == 1)
        {
            ScryptPow.HashBatch(headers, outputs);
            return;
        }

        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, chunk =>
        {
            var start = chunk * perChunk;
            var length = Math.Min(perChunk, count - start);
            if (length <= 0)
            {
                return;
            }

            ScryptPow.HashBatch(
                headers.AsSpan(start * ScryptPow.HeaderSize, length * ScryptPow.HeaderSize),
                outputs.AsSpan(start * ScryptPow.HashSize, length * ScryptPow.HashSize));
        });
    }
}
