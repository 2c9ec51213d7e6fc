using Faithcoin.Cli.Configuration;
using Faithcoin.Cli.Conversion;
using Faithcoin.Cli.Transport;

namespace Faithcoin.Cli;

/// <summary>
/// faithcoin-cli from start to exit code, in the original's two stages: AppInitRPC (usage, data directory,
/// faithcoin.conf, chain) and CommandLineRPC (the command and its arguments, the call, retried every second
/// with -rpcwait while the server cannot be reached or warms up, and the printed outcome).
/// </summary>
public sealed class CliApplication(TextReader stdin, TextWriter stdout, TextWriter stderr, string defaultBasePath)
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        CliConfiguration configuration;
        CommandLine commandLine;
        try
        {
            commandLine = CommandLine.Parse(args);
            if (TryUsage(args.Count, commandLine.Settings) is { } usageExit)
            {
                return usageExit;
            }

            configuration = CliConfiguration.Load(commandLine.Settings, defaultBasePath);
        }
        catch (CliConfigurationException e)
        {
            await stderr.WriteAsync(e.Message + "\n").ConfigureAwait(false);
            return 1;
        }

        var outcome = await CommandLineRpcAsync(configuration, commandLine.Arguments, cancellation).ConfigureAwait(false);
        if (outcome.Text.Length > 0)
        {
            await (outcome.ExitCode == 0 ? stdout : stderr).WriteAsync(outcome.Text + "\n").ConfigureAwait(false);
        }

        return outcome.ExitCode;
    }

    private int? TryUsage(int argumentCount, CliSettings settings)
    {
        var version = settings.IsSet("version");
        if (argumentCount > 0 && !version && !settings.IsSet("?") && !settings.IsSet("h") && !settings.IsSet("help"))
        {
            return null;
        }

        stdout.Write(version ? CliUsage.Banner : CliUsage.Help);
        if (argumentCount == 0)
        {
            stderr.Write("Error: too few parameters\n");
            return 1;
        }

        return 0;
    }

    private async Task<CliOutcome> CommandLineRpcAsync(
        CliConfiguration configuration, IReadOnlyList<string> arguments, CancellationToken cancellation)
    {
        try
        {
            var request = BuildRequest(configuration.Settings, arguments);
            return await CallAsync(configuration, request, cancellation).ConfigureAwait(false);
        }
        catch (RpcClientException e)
        {
            return new CliOutcome("error: " + e.Message, 1);
        }
        catch (CliConfigurationException e)
        {
            return new CliOutcome(e.Message, 1);
        }
    }

    /// <summary>The method and its params from the words after the options, plus the lines of stdin with -stdin.</summary>
    private RpcRequest BuildRequest(CliSettings settings, IReadOnlyList<string> arguments)
    {
        var words = arguments.ToList();
        if (settings.GetBool("stdin", false))
        {
            words.AddRange(StdinArguments.Read(stdin));
        }

        if (words.Count == 0)
        {
            throw new RpcClientException("too few parameters (need at least command)");
        }

        var method = words[0];
        var converter = new RpcParameterConverter(new RpcConvertTable());
        var parameters = settings.GetBool("named", false)
            ? converter.ConvertNamed(method, words[1..])
            : converter.ConvertPositional(method, words[1..]);
        return new RpcRequest(method, parameters);
    }

    private static async Task<CliOutcome> CallAsync(CliConfiguration configuration, RpcRequest request, CancellationToken cancellation)
    {
        var settings = configuration.Settings;
        var wait = settings.GetBool("rpcwait", false);
        var timeoutSeconds = settings.GetInt64("rpcclienttimeout", CliUsage.DefaultClientTimeoutSeconds);
        var endpoint = RpcEndpoint.From(configuration);

        // HttpClient takes at most int.MaxValue milliseconds; anything longer (or 0) means no timeout.
        using var transport = new RpcHttpTransport(
            timeoutSeconds is > 0 and <= int.MaxValue / 1000 ? TimeSpan.FromSeconds(timeoutSeconds) : Timeout.InfiniteTimeSpan);
        while (true)
        {
            try
            {
                // The cookie is read on every try, as the original does: a restarted daemon writes a new one.
                var body = await transport.PostAsync(
                    endpoint, RpcCredentials.Resolve(configuration), request.ToJson(), cancellation)
                    .ConfigureAwait(false);
                return RpcReplyInterpreter.Interpret(body, wait);
            }
            catch (RpcConnectionFailedException) when (wait)
            {
                await Task.Delay(RetryDelay, cancellation).ConfigureAwait(false);
            }
        }
    }
}
