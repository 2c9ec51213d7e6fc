namespace Faithcoin.Cli.Configuration;

/// <summary>
/// AppInitRPC's order: the data directory must exist, faithcoin.conf is read from it (the command line keeps
/// precedence, and a datadir named in the file moves the data directory), then the chain is selected.
/// </summary>
public sealed record CliConfiguration(CliSettings Settings, string BasePath, string ConfigFilePath, CliChain Chain)
{
    public string ChainPath => CliDataDirectory.ChainFolder(BasePath, Chain);

    public static CliConfiguration Load(CliSettings settings, string defaultBasePath)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var basePath = CliDataDirectory.LocateBase(settings, defaultBasePath);
        var configFilePath = CliDataDirectory.ResolveAgainst(
            basePath, settings.GetString("conf", CliDataDirectory.ConfigFileName));
        if (File.Exists(configFilePath))
        {
            ConfigFile.ReadInto(settings, configFilePath);
            basePath = settings.GetString("datadir") is { Length: > 0 } fromFile
                ? Path.GetFullPath(fromFile)
                : basePath;
        }

        return new CliConfiguration(settings, basePath, configFilePath, CliChain.Select(settings));
    }
}
