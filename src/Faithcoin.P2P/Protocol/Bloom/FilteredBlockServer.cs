using Faithcoin.P2P.Wire;
using NBitcoin;

namespace Faithcoin.P2P.Protocol.Bloom;

/// <summary>
/// getdata MSG_FILTERED_BLOCK as 0.15's ProcessGetData: a merkleblock built with the peer's filter, then every
/// matched transaction as a tx message (without witness), since a light client has no other way to ask for a
/// transaction of a block it may not have seen; duplicates of what it has are allowed by the protocol.
/// </summary>
public static class FilteredBlockServer
{
    public static void Serve(PeerContext peer, Block block)
    {
        ArgumentNullException.ThrowIfNull(peer);
        ArgumentNullException.ThrowIfNull(block);
        var filtered = FilteredBlock.Create(block, peer.State.Bloom.Current);
        peer.Send(NetCommands.MerkleBlock, filtered.ToBytes());
        foreach (var transaction in filtered.Matched)
        {
            peer.Send(NetCommands.Tx, transaction, TransactionOptions.None);
        }
    }
}
