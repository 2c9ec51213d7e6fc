namespace Faithcoin.Node.Configuration;

/// <summary>The RPC server settings that need more than a port or a flag: -rpcauth, -rpcthreads and -rpcworkqueue.</summary>
public static class RpcServerOptionsBinder
{
    public const int DefaultThreads = 4;
    public const int DefaultWorkQueue = 16;

    public static IReadOnlyList<RpcAuthEntry> Auth(ArgsStore args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return args.GetAll("rpcauth").Select(arg =>
            RpcAuthEntry.TryParse(arg.Value, out var entry)
                ? entry!
                : throw new ConfigurationException(
                    $"Invalid -rpcauth value: '{arg.Value}' (expected <USERNAME>:<SALT>$<HASH> with a 64-digit hex HMAC-SHA256 hash, " +
                    $"as share/rpcauth/rpcauth.py prints it) ({arg.Source})")).ToArray();
    }

    /// <summary>The original takes max(value, 1) for -rpcthreads and -rpcworkqueue; only text that is no number is refused.</summary>
    public static int AtLeastOne(ArgsStore args, string name, int defaultValue)
    {
        ArgumentNullException.ThrowIfNull(args);
        var arg = args.Get(name);
        if (arg is null)
        {
            return defaultValue;
        }

        if (!ArgParsing.TryParseInt64(arg.Value, out var value))
        {
            throw new ConfigurationException($"Invalid value for -{name}: '{arg.Value}' (expected a number) ({arg.Source})");
        }

        return (int)Math.Clamp(value, 1, int.MaxValue);
    }
}
