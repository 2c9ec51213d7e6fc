namespace Faithcoin.Node.Configuration;

/// <summary>
/// The original AppInit's order: find the data directory, read faithcoin.conf from it (the command line keeps
/// precedence), look again for a datadir set in the file, select the chain, refuse stray words, then bind
/// the typed options.
/// </summary>
public sealed class NodeConfigurationLoader(NodeOptionsBinder binder, string defaultBasePath)
{
    public NodeOptions Load(ArgsStore args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var basePath = DataDirectory.LocateBase(args, defaultBasePath);
        var configFilePath = DataDirectory.ResolveAgainst(basePath, args.GetString("conf") ?? NodeDefaults.ConfigFileName);
        var configFileFound = File.Exists(configFilePath);
        if (configFileFound)
        {
            try
            {
                ConfigFileReader.ReadInto(args, configFilePath);
            }
            catch (IOException e)
            {
                throw new ConfigurationException($"Error reading configuration file: {e.Message}");
            }
            catch (UnauthorizedAccessException e)
            {
                throw new ConfigurationException($"Error reading configuration file: {e.Message}");
            }

            // The conf file may name the data directory (the original clears its datadir cache here).
            basePath = DataDirectory.LocateBase(args, defaultBasePath);
        }

        NodeOptionsBinder.SelectChain(args);
        if (args.UnexpectedTokens.Count > 0)
        {
            throw new ConfigurationException(
                $"Command line contains unexpected token '{args.UnexpectedTokens[0]}', see faithcoind -h for a list of options.");
        }

        return binder.Bind(args, basePath, configFilePath, configFileFound);
    }
}
