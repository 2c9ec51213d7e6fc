using System.Text.Json.Nodes;
using Faithcoin.Consensus.Chain;
using Faithcoin.Node.Chain.Queries;
using Faithcoin.Node.ChainView;
using Faithcoin.Node.Rpc.Formatting;

namespace Faithcoin.Node.Rpc.Methods.Mining;

/// <summary>getnetworkhashps ( nblocks height ): the hash rate implied by the work and times of recent blocks.</summary>
public sealed class GetNetworkHashPsMethod(IChainView chain, ChainParams chainParams) : IRpcMethod
{
    public const int DefaultLookup = 120;

    public string Name => "getnetworkhashps";

    public RpcCategory Category => RpcCategory.Mining;

    public IReadOnlyList<string> ArgumentNames { get; } = ["nblocks", "height"];

    public int MinArguments => 0;

    public int MaxArguments => 2;

    public string Help =>
        "getnetworkhashps ( nblocks height )\n" +
        "\nReturns the estimated network hashes per second based on the last n blocks.\n" +
        "Pass in [blocks] to override # of blocks, -1 specifies since last difficulty change.\n" +
        "Pass in [height] to estimate the network speed at the time when a certain block was found.\n" +
        "\nArguments:\n" +
        "1. nblocks     (numeric, optional, default=120) The number of blocks, or -1 for blocks since last difficulty change.\n" +
        "2. height      (numeric, optional, default=-1) To estimate at the time of the given height.\n" +
        "\nResult:\n" +
        "x             (numeric) Hashes per second estimated\n" +
        "\nExamples:\n" +
        RpcHelpExamples.Cli(Name, string.Empty) +
        RpcHelpExamples.Rpc(Name, string.Empty);

    public ValueTask<JsonNode?> ExecuteAsync(RpcParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var lookup = parameters.IsNull(0) ? DefaultLookup : parameters.GetInt32(0);
        var height = parameters.IsNull(1) ? -1 : parameters.GetInt32(1);
        return ValueTask.FromResult<JsonNode?>(JsonNumber.FromDouble(NetworkHashRate.Estimate(chain.Tip, chainParams.Consensus, lookup, height)));
    }
}
