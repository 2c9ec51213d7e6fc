using Faithcoin.Node.Chain;
using Faithcoin.Node.Configuration;
using Faithcoin.Node.Mempool;
using Faithcoin.Node.Mempool.Policy;
using Faithcoin.P2P;
using Faithcoin.P2P.Net;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Faithcoin.Node.Networking;

/// <summary>
/// Hosts the P2P node (0.15's CConnman::Start in AppInitMain). Registered after the start-up service, so the
/// chain is loaded and the background import has just begun. The listeners were bound before the host was built
/// (<see cref="Faithcoin.Node.NodeProgram"/>), so the port has accepted since then; the peers that connected while
/// the chain loaded are admitted and answered when this starts. Stopped first at shutdown, so no peer block
/// arrives once the chain flushes; disposing writes banlist.json and closes the listeners.
/// </summary>
public sealed partial class NetworkHostedService(
    NodeOptions options,
    ChainSourceAdapter chainSource,
    NetworkState state,
    ChainWorker worker,
    ILoggerFactory loggerFactory,
    TimeProvider time,
    MempoolTransactionSink transactions,
    PolicySettings policy,
    PeerListeners listeners) : IHostedService
{
    private readonly ILogger logger = loggerFactory.CreateLogger<NetworkHostedService>();
    private P2PNode? node;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        chainSource.RefreshInitialDownload();
        // The relay policy's fee floor and whitelist relay rules are the P2P layer's feefilter and forced relay.
        var p2p = options.Network.P2P with
        {
            MinRelayTxFeePerKb = policy.MinRelayTxFee.SatoshisPerK,
            WhitelistForceRelay = policy.WhitelistForceRelay,
        };
        var started = new P2PNode(p2p, options.Chain, chainSource, loggerFactory, time, transactions: transactions, listeners: listeners);
        try
        {
            started.Start();
        }
        catch
        {
            started.DisposeAsync().AsTask().GetAwaiter().GetResult();
            throw;
        }

        node = started;
        state.SetNode(started);

        if (!p2p.Listen)
        {
            LogNotListening(logger);
        }

        // StartTorControl: without Tor's control protocol the hidden service is never made, as when 0.15 finds no Tor.
        if (options.Network.ListenOnion)
        {
            LogNoTorControl(logger, options.Network.TorControl);
        }

        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        state.SetNode(null);
        if (node is not null)
        {
            try
            {
                await node.DisposeAsync().AsTask().WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                LogStopTimedOut(logger);
            }
        }

        worker.Dispose();
    }


    [LoggerMessage(Level = LogLevel.Information, Message = "Not listening for incoming connections (-listen=0)")]
    private static partial void LogNotListening(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "tor: Not connected to Tor control port {Target}: the Tor control connection is not available, no hidden service is created")]
    private static partial void LogNoTorControl(ILogger logger, string target);

    [LoggerMessage(Level = LogLevel.Warning, Message = "P2P shutdown did not finish within the host's shutdown timeout")]
    private static partial void LogStopTimedOut(ILogger logger);
}
