using System.Text.Json.Nodes;
using Faithcoin.Node.Chain.Queries;

namespace Faithcoin.Node.Rpc.Methods.Blockchain;

/// <summary>waitforblock "blockhash" ( timeout ) (hidden): returns once that block is the tip, on timeout or when the node stops.</summary>
public sealed class WaitForBlockMethod(TipChangeWaiter waiter) : IRpcMethod
{
    private const string Example = "\"0000000000079f8ef3d2c688c244eb7a4570b24c9ed7b4a8c619eb02596f8862\", 1000";

    public string Name => "waitforblock";

    public RpcCategory Category => RpcCategory.Hidden;

    public IReadOnlyList<string> ArgumentNames { get; } = ["blockhash", "timeout"];

    public int MinArguments => 1;

    public int MaxArguments => 2;

    public string Help =>
        "waitforblock <blockhash> (timeout)\n" +
        "\nWaits for a specific new block and returns useful info about it.\n" +
        "\nReturns the current block on timeout or exit.\n" +
        "\nArguments:\n" +
        "1. \"blockhash\" (required, string) Block hash to wait for.\n" +
        "2. timeout       (int, optional, default=0) Time in milliseconds to wait for a response. 0 indicates no timeout.\n" +
        TipWaitResult.ResultHelp +
        "\nExamples:\n" +
        RpcHelpExamples.Cli(Name, Example) +
        RpcHelpExamples.Rpc(Name, Example);

    public async ValueTask<JsonNode?> ExecuteAsync(RpcParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var hash = HashArguments.ParseLenient(parameters.GetString(0));
        var timeout = TipWaitResult.Timeout(parameters, 1);
        var tip = await waiter.WaitAsync(t => t.HashBlock == hash, timeout, cancellationToken).ConfigureAwait(false);
        return TipWaitResult.ToJson(tip);
    }
}
