using System.Globalization;

namespace Faithcoin.Node.Configuration;

/// <summary>
/// An "address[:port]" value as the original's SplitHostPort reads it: the last colon separates a port when the
/// address is bracketed ("[::1]:9332") or has no other colon; a bare IPv6 address keeps all its colons.
/// </summary>
public sealed record HostPort(string Host, int Port)
{
    public static bool TryParse(string text, int defaultPort, out HostPort? result)
    {
        ArgumentNullException.ThrowIfNull(text);
        result = null;
        var host = text;
        var port = defaultPort;
        var colon = text.LastIndexOf(':');
        if (colon >= 0)
        {
            var bracketed = text.StartsWith('[') && colon > 0 && text[colon - 1] == ']';
            var multiColon = colon > 0 && text.LastIndexOf(':', colon - 1) >= 0;
            if (colon == 0 || bracketed || !multiColon)
            {
                if (!ArgParsing.TryParsePort(text[(colon + 1)..], out port))
                {
                    return false;
                }

                host = text[..colon];
            }
        }

        if (host.Length >= 2 && host[0] == '[' && host[^1] == ']')
        {
            host = host[1..^1];
        }

        if (host.Length == 0)
        {
            return false;
        }

        result = new HostPort(host, port);
        return true;
    }

    public override string ToString() =>
        Host.Contains(':', StringComparison.Ordinal)
            ? string.Create(CultureInfo.InvariantCulture, $"[{Host}]:{Port}")
            : string.Create(CultureInfo.InvariantCulture, $"{Host}:{Port}");
}
