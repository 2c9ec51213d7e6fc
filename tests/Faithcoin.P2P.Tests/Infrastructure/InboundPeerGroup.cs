namespace Faithcoin.P2P.Tests.Infrastructure;

/// <summary>Raw peers connected to one node until it counts them all, closed together.</summary>
public sealed class InboundPeerGroup : IAsyncDisposable
{
    private InboundPeerGroup(List<RawPeer> peers) => Peers = peers;

    public IReadOnlyList<RawPeer> Peers { get; }

    public static async Task<InboundPeerGroup> ConnectAsync(TestNode node, int count)
    {
        ArgumentNullException.ThrowIfNull(node);
        var peers = new List<RawPeer>();
        var group = new InboundPeerGroup(peers);
        try
        {
            for (var i = 0; i < count; i++)
            {
                peers.Add(await RawPeer.ConnectAsync(node.Endpoint));
            }

            Assert.True(await TestNode.EventuallyAsync(() => node.Node.GetPeers().Count == count), $"the node did not count {count} peers");
            return group;
        }
        catch
        {
            await group.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var peer in Peers)
        {
            await peer.DisposeAsync();
        }
    }
}
