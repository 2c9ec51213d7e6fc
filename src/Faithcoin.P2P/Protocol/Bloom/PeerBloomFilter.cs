using NBitcoin;

namespace Faithcoin.P2P.Protocol.Bloom;

/// <summary>
/// One peer's filter (0.15's CNode::pfilter). As in 0.15 a peer never lacks one: it starts with, and filterclear
/// goes back to, the default filter that matches everything, so filtered relay and merkleblocks work the same
/// before any filterload. Used under the peer's gate only (its messages and its SendMessages pass).
/// </summary>
public sealed class PeerBloomFilter
{
    private BloomFilter filter = BloomFilter.MatchAll();

    public BloomFilter Current => filter;

    public void Load(BloomFilter loaded)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        filter = loaded;
    }

    public void Add(ReadOnlySpan<byte> element) => filter.Insert(element);

    public void Reset() => filter = BloomFilter.MatchAll();

    public bool IsRelevantAndUpdate(Transaction transaction) => filter.IsRelevantAndUpdate(transaction);
}
