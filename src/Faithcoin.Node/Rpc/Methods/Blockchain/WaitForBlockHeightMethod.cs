using System.Text.Json.Nodes;
using Faithcoin.Node.Chain.Queries;

namespace Faithcoin.Node.Rpc.Methods.Blockchain;

/// <summary>waitforblockheight height ( timeout ) (hidden): returns once the tip is at least that high, on timeout or when the node stops.</summary>
public sealed class WaitForBlockHeightMethod(TipChangeWaiter waiter) : IRpcMethod
{
    private const string Example = "\"100\", 1000";

    public string Name => "waitforblockheight";

    public RpcCategory Category => RpcCategory.Hidden;

    public IReadOnlyList<string> ArgumentNames { get; } = ["height", "timeout"];

    public int MinArguments => 1;

    public int MaxArguments => 2;

    public string Help =>
        "waitforblockheight <height> (timeout)\n" +
        "\nWaits for (at least) block height and returns the height and hash\n" +
        "of the current tip.\n" +
        "\nReturns the current block on timeout or exit.\n" +
        "\nArguments:\n" +
        "1. height  (required, int) Block height to wait for (int)\n" +
        "2. timeout (int, optional, default=0) Time in milliseconds to wait for a response. 0 indicates no timeout.\n" +
        TipWaitResult.ResultHelp +
        "\nExamples:\n" +
        RpcHelpExamples.Cli(Name, Example) +
        RpcHelpExamples.Rpc(Name, Example);

    public async ValueTask<JsonNode?> ExecuteAsync(RpcParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var height = parameters.GetInt32(0);
        var timeout = TipWaitResult.Timeout(parameters, 1);
        var tip = await waiter.WaitAsync(t => t.Height >= height, timeout, cancellationToken).ConfigureAwait(false);
        return TipWaitResult.ToJson(tip);
    }
}
