namespace Faithcoin.Cli.Configuration;

/// <summary>
/// GetDataDir as the client uses it: -datadir (which must exist) or ~/.faithcoin (created when missing, as the
/// original does); -conf resolves against it, the cookie against the chain's folder inside it.
/// </summary>
public static class CliDataDirectory
{
    public const string ConfigFileName = "faithcoin.conf";

    public static string LocateBase(CliSettings settings, string defaultBasePath)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var requested = settings.GetString("datadir");
        if (requested is null)
        {
            Directory.CreateDirectory(defaultBasePath);
            return Path.GetFullPath(defaultBasePath);
        }

        if (requested.Length == 0 || !Directory.Exists(requested))
        {
            throw new CliConfigurationException($"Error: Specified data directory \"{requested}\" does not exist.");
        }

        return Path.GetFullPath(requested);
    }

    /// <summary>~/.faithcoin on Unix, as faithcoind's default; the platform's application-data folder elsewhere.</summary>
    public static string DefaultBasePath()
    {
        if (OperatingSystem.IsWindows())
        {
            return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData), "Faithcoin");
        }

        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (home.Length == 0)
        {
            home = "/";
        }

        return OperatingSystem.IsMacOS()
            ? Path.Combine(home, "Library", "Application Support", "Faithcoin")
            : Path.Combine(home, ".faithcoin");
    }

    public static string ResolveAgainst(string folder, string path) =>
        Path.GetFullPath(Path.IsPathFullyQualified(path) ? path : Path.Combine(folder, path));

    public static string ChainFolder(string basePath, CliChain chain)
    {
        ArgumentNullException.ThrowIfNull(chain);
        return chain.DataSubfolder.Length == 0 ? basePath : Path.Combine(basePath, chain.DataSubfolder);
    }
}
