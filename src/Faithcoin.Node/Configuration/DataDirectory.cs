using Faithcoin.Consensus.Chain;

namespace Faithcoin.Node.Configuration;

/// <summary>
/// The data directory (-datadir, or ~/.faithcoin) and the chain's folder inside it: the directory itself on
/// main, "testnet4" on test, "regtest" on regtest. Relative file options resolve as the original does:
/// -conf against the data directory, everything the node writes (pid, cookie, debug.log) against the
/// chain's folder.
/// </summary>
public sealed class DataDirectory
{
    public DataDirectory(string basePath, ChainParams chain)
    {
        ArgumentNullException.ThrowIfNull(chain);
        BasePath = Path.GetFullPath(basePath);
        ChainPath = chain.DataSubfolder.Length == 0 ? BasePath : Path.Combine(BasePath, chain.DataSubfolder);
    }

    public string BasePath { get; }

    public string ChainPath { get; }

    public string DebugLogPath => Path.Combine(ChainPath, NodeDefaults.DebugLogFileName);

    /// <summary>
    /// Finds the data directory before the chain is known (faithcoin.conf lives there and may select the chain).
    /// An explicit -datadir must already exist, as in the original; the default one is created.
    /// </summary>
    public static string LocateBase(ArgsStore args, string defaultBasePath)
    {
        ArgumentNullException.ThrowIfNull(args);
        var requested = args.GetString("datadir");
        if (requested is null)
        {
            Directory.CreateDirectory(defaultBasePath);
            return Path.GetFullPath(defaultBasePath);
        }

        if (requested.Length == 0 || !Directory.Exists(requested))
        {
            throw new ConfigurationException($"Specified data directory \"{requested}\" does not exist.");
        }

        return Path.GetFullPath(requested);
    }

    /// <summary>~/.faithcoin on Unix, the platform's application-data folder elsewhere, as GetDefaultDataDir.</summary>
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
            : Path.Combine(home, NodeDefaults.DataDirectoryName);
    }

    public static string ResolveAgainst(string folder, string path) =>
        Path.GetFullPath(Path.IsPathFullyQualified(path) ? path : Path.Combine(folder, path));

    public string ResolveInChainFolder(string path) => ResolveAgainst(ChainPath, path);

    public void CreateChainFolder() => Directory.CreateDirectory(ChainPath);
}
