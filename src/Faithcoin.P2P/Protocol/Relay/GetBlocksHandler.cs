using Faithcoin.P2P.Wire;
using NBitcoin;
using NBitcoin.Protocol;

namespace Faithcoin.P2P.Protocol.Relay;

/// <summary>
/// getblocks, the pre-headers way to sync: an inv of up to 500 active-chain blocks after the locator's fork
/// point, the stop block itself not included. When the limit cuts the answer, the last block becomes
/// hashContinue: serving it triggers an inv of our tip, which makes the peer ask for the next batch.
/// </summary>
public sealed class GetBlocksHandler : IMessageHandler
{
    /// <summary>The most blocks one getblocks answer lists.</summary>
    public const int MaxBlocks = 500;

    private readonly IChainSource chain;

    public GetBlocksHandler(IChainSource chain)
    {
        ArgumentNullException.ThrowIfNull(chain);
        this.chain = chain;
    }

    public IReadOnlyCollection<string> Commands { get; } = [NetCommands.GetBlocks];

    public ValueTask HandleAsync(PeerContext peer, NetFrame frame, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(peer);
        ArgumentNullException.ThrowIfNull(frame);
        var request = peer.Serializer.Deserialize<GetBlocksPayload>(frame.Payload);
        var hashStop = request.HashStop ?? uint256.Zero;
        var locator = request.BlockLocators ?? new BlockLocator();

        // One more than the limit, because the stop block is not sent.
        var after = chain.GetHeadersAfter(locator, hashStop, MaxBlocks + 1);
        var count = after.Count > 0 && after[^1].HashBlock == hashStop ? after.Count - 1 : after.Count;
        var queue = peer.State.BlockInventoryToSend;
        for (var i = 0; i < count; i++)
        {
            queue.Add(after[i].HashBlock);
            if (i + 1 == MaxBlocks)
            {
                peer.State.HashContinue = after[i].HashBlock;
                break;
            }
        }

        return ValueTask.CompletedTask;
    }
}
