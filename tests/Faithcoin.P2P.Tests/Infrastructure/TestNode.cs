using System.Net;
using Faithcoin.Consensus.Chain;
using Faithcoin.P2P.Protocol.Relay;
using Microsoft.Extensions.Logging.Abstractions;
using NBitcoin;

namespace Faithcoin.P2P.Tests.Infrastructure;

/// <summary>A P2P node on 127.0.0.1 with an ephemeral port and an in-memory regtest chain.</summary>
public sealed class TestNode : IAsyncDisposable
{
    private TestNode(P2PNode node, InMemoryChain chain, P2POptions options)
    {
        Node = node;
        Chain = chain;
        Options = options;
    }

    public P2PNode Node { get; }

    public InMemoryChain Chain { get; }

    public P2POptions Options { get; }

    public IPEndPoint Endpoint => Node.LocalEndpoints[0];

    public static P2POptions DefaultOptions(int port = 0) => new()
    {
        Bind = [new IPEndPoint(IPAddress.Loopback, port)],
        Connect = [],
        MaintenanceInterval = TimeSpan.FromMilliseconds(100),

        // 0.15 flushes addr queues every 30 s on average; tests (getaddr answers) should not wait that long.
        AddressRelay = new() { BroadcastInterval = TimeSpan.FromMilliseconds(100) },
    };

    public static TestNode Start(P2POptions? options = null, InMemoryChain? chain = null, ITransactionSink? transactions = null)
    {
        options ??= DefaultOptions();
        chain ??= InMemoryChain.GenesisOnly();
        var node = new P2PNode(options, ChainParams.Regtest, chain, NullLoggerFactory.Instance, transactions: transactions);
        chain.TipChanged += node.UpdatedBlockTip;
        node.Start();
        return new TestNode(node, chain, options);
    }

    public PeerInfo? SinglePeer() => Node.GetPeers().SingleOrDefault();

    /// <summary>Waits until the chain's tip is <paramref name="hash"/>.</summary>
    public Task<bool> WaitForTipAsync(uint256 hash, TimeSpan? wait = null) =>
        EventuallyAsync(() => Chain.Tip.HashBlock == hash, wait ?? TimeSpan.FromSeconds(20));

    /// <summary>Polls until <paramref name="condition"/> holds; false after <paramref name="wait"/>.</summary>
    public static async Task<bool> EventuallyAsync(Func<bool> condition, TimeSpan? wait = null)
    {
        var deadline = DateTime.UtcNow + (wait ?? TimeSpan.FromSeconds(5));
        while (DateTime.UtcNow < deadline)
        {
            if (condition())
            {
                return true;
            }

            await Task.Delay(20);
        }

        return condition();
    }

    public ValueTask DisposeAsync() => Node.DisposeAsync();
}
