using System.Collections;
using NBitcoin;

namespace Faithcoin.P2P.Protocol;

/// <summary>
/// A connected run of headers from a headers message whose proof of work the P2P layer has already checked (each
/// header's scrypt hash against the target its own nBits claims, computed in SIMD batches across cores by
/// <see cref="Sync.HeaderProofOfWork"/>). Only that checker builds one, so holding one is the proof; the chain
/// source runs the rest of AcceptBlockHeader without hashing again. <see cref="Hashes"/> are the block ids
/// (double SHA-256), computed once for the continuity check.
/// </summary>
public sealed class PowCheckedHeaders : IReadOnlyList<BlockHeader>
{
    private readonly IReadOnlyList<BlockHeader> headers;

    internal PowCheckedHeaders(IReadOnlyList<BlockHeader> headers, IReadOnlyList<uint256> hashes)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(hashes);
        if (headers.Count != hashes.Count)
        {
            throw new ArgumentException("One hash per header.", nameof(hashes));
        }

        this.headers = headers;
        Hashes = hashes;
    }

    /// <summary>The block id of each header, in the same order.</summary>
    public IReadOnlyList<uint256> Hashes { get; }

    public int Count => headers.Count;

    public BlockHeader this[int index] => headers[index];

    public IEnumerator<BlockHeader> GetEnumerator() => headers.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
