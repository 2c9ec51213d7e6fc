using System.Net;
using Faithcoin.P2P.Peers;
using Faithcoin.P2P.Wire;
using Microsoft.Extensions.Logging;

namespace Faithcoin.P2P.Net;

/// <summary>
/// 0.15's ThreadOpenConnections for automatic outbound peers: every half second, while outbound slots are
/// free, an address drawn from the address manager is dialled, never two in one network group (/16), with
/// 0.15's patience rules for recently tried addresses, missing services and non-default ports. Once the slots
/// are full, a feeler goes to an address from the new table every two minutes on average (not with -connect).
/// </summary>
public sealed partial class AutomaticConnections : IAsyncDisposable
{
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(500);

    /// <summary>How long DNS seeds get before the fixed seeds are used, if the address manager is still empty.</summary>
    private static readonly TimeSpan FixedSeedsAfter = TimeSpan.FromSeconds(60);

    private readonly P2POptions options;
    private readonly ConnectionManager connections;
    private readonly AddressManager addresses;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly IReadOnlyList<IPEndPoint> fixedSeeds;
    private readonly DateTimeOffset started;
    private readonly FeelerSchedule feelers;
    private readonly CancellationTokenSource stopping = new();
    private bool fixedSeedsAdded;
    private Task? loop;

    /// <param name="fixedSeeds">The chain's fixed seeds (pnSeed6), the fallback when DNS gives nothing.</param>
    public AutomaticConnections(
        P2POptions options,
        ConnectionManager connections,
        AddressManager addresses,
        TimeProvider time,
        ILogger logger,
        IReadOnlyList<IPEndPoint>? fixedSeeds = null,
        FeelerSchedule? feelers = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(connections);
        ArgumentNullException.ThrowIfNull(addresses);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        this.options = options;
        this.connections = connections;
        this.addresses = addresses;
        this.time = time;
        this.logger = logger;
        this.fixedSeeds = fixedSeeds ?? [];
        started = time.GetUtcNow();
        this.feelers = feelers ?? new FeelerSchedule(options.FeelerInterval, new Random(), time);
    }

    /// <summary>Starts the loop unless -connect was given (the named peers replace the address manager then).</summary>
    public void Start()
    {
        if (options.Connect is null)
        {
            loop = Task.Run(() => RunAsync(stopping.Token));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        if (loop is not null)
        {
            await loop.ConfigureAwait(false);
        }

        stopping.Dispose();
    }

    /// <summary>
    /// Once, a minute after start with the address manager still empty (DNS seeds down, an attack on the
    /// infrastructure perhaps), the fixed seeds go in, with 127.0.0.1 as their source as in 0.15.
    /// </summary>
    public bool AddFixedSeedsIfDue()
    {
        if (fixedSeedsAdded || fixedSeeds.Count == 0 || addresses.Count > 0 || time.GetUtcNow() - started <= FixedSeedsAfter)
        {
            return false;
        }

        fixedSeedsAdded = true;
        LogFixedSeeds(logger);

        // convertSeed6: a random age of one to two weeks, so they are tried only when nothing better is known.
        var now = time.GetUtcNow();
        addresses.Add(
            fixedSeeds.Select(seed => new NBitcoin.Protocol.NetworkAddress(seed.Address, seed.Port)
            {
                Time = now - TimeSpan.FromDays(7) - TimeSpan.FromSeconds(Random.Shared.NextInt64(7 * 24 * 60 * 60)),
                Services = NBitcoin.Protocol.NodeServices.Network,
            }).ToList(),
            IPAddress.Loopback);
        return true;
    }

    /// <summary>One round: picks at most one address and dials it; false when nothing was dialled.</summary>
    public async Task<bool> TryOpenOneAsync(CancellationToken cancellationToken)
    {
        AddFixedSeedsIfDue();
        // 0.15 counts every non-inbound, non-manual connection (seed nodes and feelers too) and their groups.
        var outbound = connections.Peers
            .Where(p => p.Kind is ConnectionKind.Outbound or ConnectionKind.OneShot or ConnectionKind.Feeler && !p.IsDisconnecting)
            .ToList();
        if (!connections.NetworkActive)
        {
            return false;
        }

        // With the outbound slots full, the feeler slot is used now and then (only one feeler at a time).
        var feeler = outbound.Count >= options.MaxOutbound;
        if (feeler && (outbound.Any(p => p.Kind == ConnectionKind.Feeler) || !feelers.TakeDue()))
        {
            return false;
        }

        var groups = outbound.Select(p => Convert.ToHexString(NetworkGroup.Of(p.RemoteAddress))).ToHashSet(StringComparer.Ordinal);
        var chosen = Choose(groups, outbound.Count, feeler);
        if (chosen is null)
        {
            return false;
        }

        var destination = chosen.EndPoint.ToString();
        if (feeler)
        {
            await Task.Delay(feelers.NextNoise(), time, cancellationToken).ConfigureAwait(false);
            LogFeeler(logger, destination);
        }

        if (await connections.ConnectAsync(destination, feeler ? ConnectionKind.Feeler : ConnectionKind.Outbound, cancellationToken).ConfigureAwait(false) is null)
        {
            // A failure counts against the address only once a few outbound peers prove the network works.
            addresses.Attempt(chosen.EndPoint, countFailure: groups.Count >= Math.Min(options.MaxConnections - 1, 2));
            LogFailed(logger, destination);
            return false;
        }

        return true;
    }

    private AddressInfo? Choose(HashSet<string> connectedGroups, int outboundCount, bool newOnly)
    {
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        for (var tries = 1; tries <= 100; tries++)
        {
            var candidate = addresses.Select(newOnly);
            if (candidate is null || connectedGroups.Contains(Convert.ToHexString(NetworkGroup.Of(candidate.Address))))
            {
                return null;
            }

            // -onlynet, or onion without a proxy: addresses of networks we do not reach are never dialled.
            if (options.Proxies.IsLimited(Socks.AddressNetwork.Of(candidate.Address)))
            {
                continue;
            }

            if (now - candidate.LastTry < 600 && tries < 30)
            {
                continue;
            }

            if ((candidate.Services & ServiceFlags.Network) == 0 && (tries < 40 || outboundCount >= options.MaxOutbound / 2))
            {
                continue;
            }

            if (candidate.Port != connections.DefaultPort && tries < 50)
            {
                continue;
            }

            return candidate;
        }

        return null;
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(Pause, time, cancellationToken).ConfigureAwait(false);
                try
                {
                    await TryOpenOneAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    throw;
                }
#pragma warning disable CA1031 // One bad round must not end automatic connections.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    LogRoundFailed(logger, e);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Adding fixed seed nodes as DNS doesn't seem to be available.")]
    private static partial void LogFixedSeeds(ILogger logger);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Making feeler connection to {Destination}")]
    private static partial void LogFeeler(ILogger logger, string destination);

    [LoggerMessage(Level = LogLevel.Debug, Message = "automatic connection to {Destination} failed")]
    private static partial void LogFailed(ILogger logger, string destination);

    [LoggerMessage(Level = LogLevel.Warning, Message = "opening an automatic connection failed")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);
}
