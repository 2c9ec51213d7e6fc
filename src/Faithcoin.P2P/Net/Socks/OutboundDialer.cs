using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace Faithcoin.P2P.Net.Socks;

/// <summary>
/// The resolve-and-connect half of 0.15's ConnectNode. A destination is an onion name, an address, or a name
/// looked up here only with -dns and no -proxy (Lookup with fNameLookup and !HaveNameProxy). An address goes
/// through the proxy of its network, asked for by its text (onion addresses by their .onion name), or directly
/// when its network has none; a name not looked up goes to the -proxy as it is.
/// </summary>
public sealed partial class OutboundDialer
{
    private static readonly IPEndPoint Unresolved = new(IPAddress.IPv6Any, 0);

    private readonly ProxyOptions proxies;
    private readonly OutboundConnector direct;
    private readonly ProxyConnector proxied;
    private readonly ILogger logger;

    public OutboundDialer(ProxyOptions proxies, OutboundConnector direct, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(proxies);
        ArgumentNullException.ThrowIfNull(direct);
        ArgumentNullException.ThrowIfNull(logger);
        this.proxies = proxies;
        this.direct = direct;
        proxied = new ProxyConnector(direct, proxies.ReceiveTimeout, logger);
        this.logger = logger;
    }

    /// <summary>
    /// Connects to <paramref name="destination"/>; null when that failed or when <paramref name="alreadyConnected"/>
    /// says the address it resolved to has a connection already.
    /// </summary>
    public async Task<DialedPeer?> DialAsync(PeerEndpoint destination, Func<IPEndPoint, bool> alreadyConnected, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(alreadyConnected);
        var resolved = await ResolveAsync(destination, cancellationToken).ConfigureAwait(false);
        if (resolved.Length == 0)
        {
            if (proxies.NameProxy is not { } nameProxy)
            {
                LogUnresolved(logger, destination.ToString());
                return null;
            }

            var named = await proxied.ConnectAsync(nameProxy, destination.Host, destination.Port, cancellationToken).ConfigureAwait(false);
            return named is null ? null : new DialedPeer(named, Unresolved);
        }

        if (resolved.Any(alreadyConnected))
        {
            return null;
        }

        var target = resolved[0];
        var network = AddressNetwork.Of(target.Address);
        if (proxies.ProxyFor(network) is { } proxy)
        {
            var host = network == PeerNetwork.Onion ? OnionCat.ToName(target.Address) : target.Address.ToString();
            var socket = await proxied.ConnectAsync(proxy, host, target.Port, cancellationToken).ConfigureAwait(false);
            return socket is null ? null : new DialedPeer(socket, target);
        }

        // An onion address cannot be reached without its proxy (ConnectSocketDirectly: unsupported network).
        var reachable = resolved.Where(r => AddressNetwork.Of(r.Address) != PeerNetwork.Onion).ToList();
        var direct = await this.direct.ConnectAsync(reachable, cancellationToken).ConfigureAwait(false);
        return direct is null ? null : new DialedPeer(direct, (IPEndPoint)direct.RemoteEndPoint!);
    }

    // LookupIntern: an onion name or an address literal always; a DNS lookup only when allowed.
    private async Task<IPEndPoint[]> ResolveAsync(PeerEndpoint destination, CancellationToken cancellationToken)
    {
        if (OnionCat.TryParse(destination.Host, out var onion))
        {
            return [new IPEndPoint(onion, destination.Port)];
        }

        if (IPAddress.TryParse(destination.Host, out var literal))
        {
            return [new IPEndPoint(literal, destination.Port)];
        }

        if (!proxies.NameLookup || proxies.NameProxy is not null)
        {
            return [];
        }

        try
        {
            return await destination.ResolveAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException e)
        {
            LogLookupFailed(logger, destination.Host, e.Message);
            return [];
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "cannot resolve {Destination}: no name lookup allowed (-dns=0) and no proxy")]
    private static partial void LogUnresolved(ILogger logger, string destination);

    [LoggerMessage(Level = LogLevel.Debug, Message = "lookup of {Host} failed: {Reason}")]
    private static partial void LogLookupFailed(ILogger logger, string host, string reason);
}
