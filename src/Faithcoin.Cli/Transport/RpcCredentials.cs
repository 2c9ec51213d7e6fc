using Faithcoin.Cli.Configuration;

namespace Faithcoin.Cli.Transport;

/// <summary>
/// The "user:password" sent with HTTP Basic auth: -rpcuser/-rpcpassword when a password is set, otherwise the
/// first line of the cookie file the daemon writes (-rpccookiefile, default ".cookie" in the chain's folder).
/// </summary>
public static class RpcCredentials
{
    public const string CookieFileName = ".cookie";

    public static string Resolve(CliConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var settings = configuration.Settings;
        var password = settings.GetString("rpcpassword", string.Empty);
        if (password.Length > 0)
        {
            return settings.GetString("rpcuser", string.Empty) + ":" + password;
        }

        var cookiePath = CliDataDirectory.ResolveAgainst(
            configuration.ChainPath, settings.GetString("rpccookiefile", CookieFileName));
        return ReadCookie(cookiePath) ?? throw new RpcClientException(
            "Could not locate RPC credentials. No authentication cookie could be found, and no rpcpassword is set " +
            $"in the configuration file ({configuration.ConfigFilePath})");
    }

    private static string? ReadCookie(string path)
    {
        try
        {
            using var reader = new StreamReader(path);
            return reader.ReadLine() ?? string.Empty;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
