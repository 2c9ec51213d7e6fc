using System.Globalization;
using System.Net;

namespace Faithcoin.P2P.Net;

/// <summary>
/// A -connect / -addnode / -seednode value, "host[:port]" as SplitHostPort reads it (brackets for IPv6 with a
/// port), resolved to addresses when a connection is made.
/// </summary>
public sealed record PeerEndpoint(string Host, int Port)
{
    public static PeerEndpoint Parse(string text, int defaultPort)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var host = text;
        var port = defaultPort;
        var colon = text.LastIndexOf(':');
        if (colon >= 0)
        {
            var bracketed = text.StartsWith('[') && colon > 0 && text[colon - 1] == ']';
            var multiColon = colon > 0 && text.LastIndexOf(':', colon - 1) >= 0;
            if ((bracketed || !multiColon)
                && int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)
                && parsed is > 0 and <= 65535)
            {
                port = parsed;
                host = text[..colon];
            }
        }

        if (host.Length >= 2 && host[0] == '[' && host[^1] == ']')
        {
            host = host[1..^1];
        }

        return new PeerEndpoint(host, port);
    }

    public async Task<IPEndPoint[]> ResolveAsync(CancellationToken cancellationToken)
    {
        if (IPAddress.TryParse(Host, out var literal))
        {
            return [new IPEndPoint(literal, Port)];
        }

        var addresses = await Dns.GetHostAddressesAsync(Host, cancellationToken).ConfigureAwait(false);
        return addresses.Select(a => new IPEndPoint(a, Port)).ToArray();
    }

    public override string ToString() => Host.Contains(':', StringComparison.Ordinal)
        ? string.Create(CultureInfo.InvariantCulture, $"[{Host}]:{Port}")
        : string.Create(CultureInfo.InvariantCulture, $"{Host}:{Port}");
}
