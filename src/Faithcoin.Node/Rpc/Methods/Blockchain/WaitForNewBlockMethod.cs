using System.Text.Json.Nodes;
using Faithcoin.Node.Chain.Queries;

namespace Faithcoin.Node.Rpc.Methods.Blockchain;

/// <summary>waitfornewblock ( timeout ) (hidden): returns when the tip changes, the timeout passes or the node stops.</summary>
public sealed class WaitForNewBlockMethod(TipChangeWaiter waiter) : IRpcMethod
{
    public string Name => "waitfornewblock";

    public RpcCategory Category => RpcCategory.Hidden;

    public IReadOnlyList<string> ArgumentNames { get; } = ["timeout"];

    public int MinArguments => 0;

    public int MaxArguments => 1;

    public string Help =>
        "waitfornewblock (timeout)\n" +
        "\nWaits for a specific new block and returns useful info about it.\n" +
        "\nReturns the current block on timeout or exit.\n" +
        "\nArguments:\n" +
        "1. timeout (int, optional, default=0) Time in milliseconds to wait for a response. 0 indicates no timeout.\n" +
        TipWaitResult.ResultHelp +
        "\nExamples:\n" +
        RpcHelpExamples.Cli(Name, "1000") +
        RpcHelpExamples.Rpc(Name, "1000");

    public async ValueTask<JsonNode?> ExecuteAsync(RpcParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var timeout = TipWaitResult.Timeout(parameters, 0);
        var start = waiter.Current;
        var tip = await waiter.WaitAsync(t => t.HashBlock != start.HashBlock || t.Height != start.Height, timeout, cancellationToken).ConfigureAwait(false);
        return TipWaitResult.ToJson(tip);
    }
}
