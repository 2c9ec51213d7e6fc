using Faithcoin.Node.Configuration;
using Faithcoin.Node.Hosting;
using Faithcoin.Node.Logging;
using Microsoft.Extensions.Hosting;
using Serilog;

namespace Faithcoin.Node;

/// <summary>
/// faithcoind from command line to exit code: 0 after -help/-version or a clean shutdown (`stop`, SIGTERM,
/// SIGINT), 1 when the configuration is wrong or start-up fails, with the reason on stderr.
/// </summary>
public sealed class NodeProgram(TextWriter stdout, TextWriter stderr, string defaultDataDirectory)
{
    public async Task<int> RunAsync(IReadOnlyList<string> argv)
    {
        var catalog = new OptionCatalog();
        ArgsStore args;
        NodeOptions options;
        try
        {
            args = CommandLineParser.Parse(argv);
            if (args.IsSet("?") || args.IsSet("h") || args.IsSet("help") || args.IsSet("version"))
            {
                await stdout.WriteAsync(args.IsSet("version") ? UsageText.Version() : new UsageText(catalog).Help()).ConfigureAwait(false);
                return 0;
            }

            options = new NodeConfigurationLoader(new NodeOptionsBinder(catalog), defaultDataDirectory).Load(args);
            options.DataDirectory.CreateChainFolder();
        }
        catch (ConfigurationException e)
        {
            await stderr.WriteLineAsync("Error: " + e.Message).ConfigureAwait(false);
            return 1;
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            // Before logging exists the original prints such failures to stderr and exits (PrintExceptionContinue).
            await stderr.WriteLineAsync("EXCEPTION: " + e).ConfigureAwait(false);
            return 1;
        }

        DataDirectoryLock dataLock;
        try
        {
            dataLock = DataDirectoryLock.Acquire(options.DataDirectory);
        }
        catch (ConfigurationException e)
        {
            await stderr.WriteLineAsync("Error: " + e.Message).ConfigureAwait(false);
            return 1;
        }

        using (dataLock)
        await using (var logger = NodeLoggerFactory.Create(options))
        {
            LogStartup(logger, options);
            try
            {
                using var pidFile = PidFile.Create(options.PidFilePath, Environment.ProcessId);
                using var host = NodeHostFactory.Build(options, args, logger);
                await host.RunAsync().ConfigureAwait(false);
                logger.Information("Shutdown: done");
                return 0;
            }
            catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException)
            {
                logger.Error(e, "Error: {Message}", e.Message);
                await stderr.WriteLineAsync("Error: " + e.Message).ConfigureAwait(false);
                return 1;
            }
        }
    }

    private static void LogStartup(Serilog.ILogger logger, NodeOptions options)
    {
        logger.Information("{Banner}", ClientVersion.DaemonBanner);
        logger.Information("Chain: {Chain}", options.Chain.Name);
        logger.Information("Default data directory {Path}", DataDirectory.DefaultBasePath());
        logger.Information("Using data directory {Path}", options.DataDirectory.ChainPath);
        logger.Information(
            options.ConfigFileFound ? "Using config file {Path}" : "Config file {Path} not found, using defaults",
            options.ConfigFilePath);
        foreach (var unknown in options.UnknownOptions)
        {
            logger.Warning("Warning: unknown option -{Name} ({Source}) is ignored", unknown.Name, unknown.Source.ToString());
        }

        foreach (var ignored in options.IgnoredOptions)
        {
            logger.Information("Option -{Name} ({Source}) is not used by this version of faithcoind yet", ignored.Name, ignored.Source.ToString());
        }
    }
}
