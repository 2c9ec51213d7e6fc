namespace Faithcoin.Cli.Configuration;

/// <summary>
/// What the client needs of a network (chainparamsbase.cpp): its RPC port and its folder below the data directory.
/// The values are faithcoind's (Faithcoin.Consensus ChainParams); the client keeps its own copy so that it
/// depends on nothing but the BCL.
/// </summary>
public sealed record CliChain(string Name, int RpcPort, string DataSubfolder)
{
    public static readonly CliChain Main = new("main", 9332, string.Empty);
    public static readonly CliChain Test = new("test", 19332, "testnet4");
    public static readonly CliChain Regtest = new("regtest", 19332, "regtest");

    /// <summary>ChainNameFromCommandLine: -regtest or -testnet (from the command line or the file), not both.</summary>
    public static CliChain Select(CliSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var regtest = settings.GetBool("regtest", false);
        var testnet = settings.GetBool("testnet", false);
        if (regtest && testnet)
        {
            throw new CliConfigurationException("Error: Invalid combination of -regtest and -testnet.");
        }

        return regtest ? Regtest : testnet ? Test : Main;
    }
}
