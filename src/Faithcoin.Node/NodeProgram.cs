using Faithcoin.Node.Configuration;
using Faithcoin.Node.Hosting;
using Faithcoin.Node.Logging;
using Faithcoin.P2P.Net;
using Microsoft.Extensions.Hosting;
using Serilog;
using Serilog.Extensions.Logging;

namespace Faithcoin.Node;

/// <summary>
/// faithcoind from command line to exit code: 0 after -help/-version or a clean shutdown (`stop`, SIGTERM,
/// SIGINT), 1 when the configuration is wrong or start-up fails, with the reason on stderr.
/// </summary>
public sealed class NodeProgram(TextWriter stdout, TextWriter stderr, string defaultDataDirectory)
{
    public async Task<int> RunAsync(IReadOnlyList<string> argv)
    {
        // First of all, so it overlaps reading the configuration too; a run that ends early simply does not wait for it.
        Storage.RocksDbWarmup.Start();
        var catalog = new OptionCatalog();
        ArgsStore args;
        NodeOptions options;
        try
        {
            args = CommandLineParser.Parse(argv);
            if (args.IsSet("?") || args.IsSet("h") || args.IsSet("help") || args.IsSet("version"))
            {
                await stdout.WriteAsync(args.IsSet("version") ? UsageText.Version() : new UsageText(catalog).Help(NodeOptionsBinder.GetBool(args, "help-debug", false))).ConfigureAwait(false);
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

        // As 0.15, the lock is taken after daemonizing, by the process that stays.
        if (options.Daemon)
        {
            return await DaemonizeAsync(argv).ConfigureAwait(false);
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

        var clock = new NodeClock(options.MockTime);
        var debugCategories = new DebugCategories(options.Logging.Categories);
        using (dataLock)
        await using (var logger = NodeLoggerFactory.Create(options, debugCategories, clock))
        {
            LogStartup(logger, options);
            try
            {
                using var pidFile = PidFile.Create(options.PidFilePath, Environment.ProcessId);

                // Bound before the host is built and the chain loads (most of a restart), so probes of the P2P port succeed
                // at once and a port held by another program stops the start right away; peers wait until the chain is loaded.
                using var loggerFactory = new SerilogLoggerFactory(logger);
                await using var peerListeners = new PeerListeners(options.Network.P2P, options.Chain, loggerFactory);
                peerListeners.Bind();
                using var host = NodeHostFactory.Build(options, args, logger, clock, debugCategories, peerListeners);
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

    // 0.15 prints this before daemon(3); the detached copy then runs the node (see Daemonizer).
    private async Task<int> DaemonizeAsync(IReadOnlyList<string> argv)
    {
        await stdout.WriteLineAsync(Daemonizer.StartingMessage).ConfigureAwait(false);
        await stdout.FlushAsync().ConfigureAwait(false);
        try
        {
            Daemonizer.StartDetachedCopy(argv);
            return 0;
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            await stderr.WriteLineAsync(e.Message).ConfigureAwait(false);
            return 1;
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

        foreach (var ignored in options.UnsupportedOptions)
        {
            logger.Information("Option -{Name} ({Source}) is ignored: {Reason}", ignored.Option.Name, ignored.Option.Source.ToString(), ignored.Reason);
        }

        foreach (var warning in options.Logging.Warnings)
        {
            logger.Warning("Warning: {Message}", warning);
        }
    }
}
