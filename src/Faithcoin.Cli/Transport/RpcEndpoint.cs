using System.Globalization;
using Faithcoin.Cli.Configuration;

namespace Faithcoin.Cli.Transport;

/// <summary>
/// Where requests go. The port comes from -rpcport, else from a port written in -rpcconnect ("host:port",
/// "[v6]:port"), else from the chain, in the original's order of preference. -rpcwallet selects the
/// /wallet/&lt;name&gt; endpoint, as 0.15 does.
/// </summary>
public sealed record RpcEndpoint(string Host, int Port, string Path)
{
    public const string DefaultHost = "127.0.0.1";

    public Uri Uri => new UriBuilder(Uri.UriSchemeHttp, Host, Port, Path).Uri;

    public static RpcEndpoint From(CliConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var settings = configuration.Settings;
        var (host, port) = SplitHostPort(settings.GetString("rpcconnect", DefaultHost), configuration.Chain.RpcPort);
        if (settings.GetString("rpcport") is { } portText)
        {
            if (!int.TryParse(portText.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > ushort.MaxValue)
            {
                throw new CliConfigurationException($"Error: Invalid port in -rpcport: '{portText}'");
            }
        }

        var wallet = settings.GetString("rpcwallet", string.Empty);
        var path = wallet.Length == 0 ? "/" : "/wallet/" + Uri.EscapeDataString(wallet);
        var endpoint = new RpcEndpoint(host, port, path);
        try
        {
            return host.Length > 0 && endpoint.Uri.Host.Length > 0 ? endpoint : throw new UriFormatException();
        }
        catch (UriFormatException)
        {
            throw new CliConfigurationException($"Error: Invalid host in -rpcconnect: '{settings.GetString("rpcconnect")}'");
        }
    }

    /// <summary>SplitHostPort: a trailing ":port" counts only after "[...]" or when it is the only colon.</summary>
    public static (string Host, int Port) SplitHostPort(string text, int defaultPort)
    {
        ArgumentNullException.ThrowIfNull(text);
        var port = defaultPort;
        var colon = text.LastIndexOf(':');
        if (colon >= 0)
        {
            var bracketed = text.StartsWith('[') && colon > 0 && text[colon - 1] == ']';
            var multiColon = colon > 0 && text.LastIndexOf(':', colon - 1) >= 0;
            if ((colon == 0 || bracketed || !multiColon)
                && int.TryParse(text[(colon + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed)
                && parsed is > 0 and < 0x10000)
            {
                text = text[..colon];
                port = parsed;
            }
        }

        var host = text.Length > 1 && text.StartsWith('[') && text.EndsWith(']') ? text[1..^1] : text;
        return (host, port);
    }
}
