using System.Net.Sockets;
using Faithcoin.P2P.Peers;
using Microsoft.Extensions.Logging;
using NetworkAddress = NBitcoin.Protocol.NetworkAddress;

namespace Faithcoin.P2P.Net;

/// <summary>
/// 0.15's ThreadDNSAddressSeed: DNS seeds are asked only when addresses are really needed, for privacy and to
/// give seeds little say over the topology. With an empty address manager (or -forcednsseed) at once; otherwise
/// only if, after 11 s, fewer than two peers completed the handshake. Each seed's answers go in with the
/// default port, an age of 3 to 7 days, and the seed's name as their source.
/// </summary>
public sealed partial class DnsSeeding : IAsyncDisposable
{
    private const long OneDay = 24 * 60 * 60;

    private readonly P2POptions options;
    private readonly IReadOnlyList<string> seeds;
    private readonly ConnectionManager connections;
    private readonly AddressManager addresses;
    private readonly IDnsResolver resolver;
    private readonly TimeProvider time;
    private readonly Random random;
    private readonly ILogger logger;
    private readonly CancellationTokenSource stopping = new();
    private Task? run;

    public DnsSeeding(
        P2POptions options,
        IReadOnlyList<string> seeds,
        ConnectionManager connections,
        AddressManager addresses,
        IDnsResolver resolver,
        TimeProvider time,
        Random random,
        ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(seeds);
        ArgumentNullException.ThrowIfNull(connections);
        ArgumentNullException.ThrowIfNull(addresses);
        ArgumentNullException.ThrowIfNull(resolver);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(logger);
        this.options = options;
        this.seeds = seeds;
        this.connections = connections;
        this.addresses = addresses;
        this.resolver = resolver;
        this.time = time;
        this.random = random;
        this.logger = logger;
    }

    /// <summary>Starts seeding when -dnsseed is on and automatic outbound connections are made at all.</summary>
    public void Start()
    {
        if (!options.DnsSeed || options.Connect is not null)
        {
            LogDisabled(logger);
            return;
        }

        run = Task.Run(() => RunAsync(stopping.Token));
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        if (run is not null)
        {
            await run.ConfigureAwait(false);
        }

        stopping.Dispose();
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (addresses.Count > 0 && !options.ForceDnsSeed)
            {
                await Task.Delay(options.DnsSeedDelay, time, cancellationToken).ConfigureAwait(false);
                if (connections.Peers.Count(p => p.HandshakeComplete && !p.IsDisconnecting) >= 2)
                {
                    LogSkipped(logger);
                    return;
                }
            }

            LogLoading(logger);
            var found = 0;
            foreach (var seed in seeds)
            {
                // HaveNameProxy: the seed's name is not looked up here but dialled once through the proxy (AddOneShot).
                if (options.Proxies.NameProxy is not null)
                {
                    await connections.ConnectAsync(seed, ConnectionKind.OneShot, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                found += await QuerySeedAsync(seed, cancellationToken).ConfigureAwait(false);
            }

            LogFound(logger, found);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task<int> QuerySeedAsync(string seed, CancellationToken cancellationToken)
    {
        IReadOnlyList<System.Net.IPAddress> found;
        try
        {
            found = await resolver.ResolveAsync(seed, cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException e)
        {
            LogSeedFailed(logger, seed, e.Message);
            return 0;
        }

        var now = time.GetUtcNow().ToUnixTimeSeconds();
        var entries = found.Select(ip => new NetworkAddress(ip, connections.DefaultPort)
        {
            // A random age of 3 to 7 days, so seed answers never look fresher than what peers tell us.
            Time = DateTimeOffset.FromUnixTimeSeconds(now - (3 * OneDay) - random.NextInt64(4 * OneDay)),
            Services = NBitcoin.Protocol.NodeServices.Network,
        }).ToList();
        addresses.Add(entries, NetworkGroup.ForName(seed));
        return entries.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "DNS seeding disabled")]
    private static partial void LogDisabled(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "P2P peers available. Skipped DNS seeding.")]
    private static partial void LogSkipped(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Loading addresses from DNS seeds (could take a while)")]
    private static partial void LogLoading(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Found} addresses found from DNS seeds")]
    private static partial void LogFound(ILogger logger, int found);

    [LoggerMessage(Level = LogLevel.Debug, Message = "DNS seed {Seed} failed: {Reason}")]
    private static partial void LogSeedFailed(ILogger logger, string seed, string reason);
}
