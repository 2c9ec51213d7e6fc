using Faithcoin.P2P.Protocol.Sync;
using Faithcoin.P2P.Wire;
using Faithcoin.P2P.Wire.Payloads;
using NBitcoin;

namespace Faithcoin.P2P.Protocol.Compact;

/// <summary>
/// ProcessNewBlock for a block rebuilt from a compact block, and BlockChecked's compact side. BIP152 lets peers
/// relay after checking only the header, so an invalid rebuilt block gets a reject but no penalty. A valid
/// block, outside initial download with nothing else being downloaded, makes its sender one of our
/// high-bandwidth announcers (full blocks too, through <see cref="BlockChecked"/>).
/// </summary>
public sealed class CompactBlockAcceptor
{
    private readonly IChainSource chain;
    private readonly BlockDownloadTracker tracker;
    private readonly HighBandwidthPeers highBandwidth;

    public CompactBlockAcceptor(IChainSource chain, BlockDownloadTracker tracker, HighBandwidthPeers highBandwidth)
    {
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(tracker);
        ArgumentNullException.ThrowIfNull(highBandwidth);
        this.chain = chain;
        this.tracker = tracker;
        this.highBandwidth = highBandwidth;
    }

    /// <summary>True when the chain took the block without finding it invalid.</summary>
    public async ValueTask<bool> AcceptAsync(PeerContext peer, Block block, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(peer);
        ArgumentNullException.ThrowIfNull(block);
        var hash = block.GetHash();
        var result = await chain.AcceptBlockAsync(block, true, cancellationToken).ConfigureAwait(false);
        if (result.Error is { } error)
        {
            peer.SendReject(new RejectMessage(NetCommands.Block, error.Code, error.Reason, hash));
            return false;
        }

        if (result.IsNew)
        {
            BlockChecked(peer, hash);
            peer.Connection.Activity.BlockAccepted();
        }

        return true;
    }

    /// <summary>The valid-block branch of BlockChecked for a block <paramref name="peer"/> sent.</summary>
    public void BlockChecked(PeerContext peer, uint256 hash)
    {
        ArgumentNullException.ThrowIfNull(peer);
        if (!chain.IsInitialBlockDownload && tracker.NothingElseInFlight(hash))
        {
            highBandwidth.BlockFrom(peer);
        }
    }
}
