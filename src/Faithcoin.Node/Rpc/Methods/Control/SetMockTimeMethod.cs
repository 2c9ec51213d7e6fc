using System.Text.Json;
using System.Text.Json.Nodes;
using Faithcoin.Consensus.Chain;
using Faithcoin.Node.Hosting;

namespace Faithcoin.Node.Rpc.Methods.Control;

/// <summary>setmocktime (hidden, regtest only): fixes the node's clock at a time, 0 returns to the system time.</summary>
public sealed class SetMockTimeMethod(NodeClock clock, ChainParams chain) : IRpcMethod
{
    public string Name => "setmocktime";

    public RpcCategory Category => RpcCategory.Hidden;

    public IReadOnlyList<string> ArgumentNames { get; } = ["timestamp"];

    public int MinArguments => 1;

    public int MaxArguments => 1;

    public string Help =>
        "setmocktime timestamp\n" +
        "\nSet the local time to given timestamp (-regtest only)\n" +
        "\nArguments:\n" +
        "1. timestamp  (integer, required) Unix seconds-since-epoch timestamp\n" +
        "   Pass 0 to go back to using the system time.";

    public ValueTask<JsonNode?> ExecuteAsync(RpcParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (!chain.MineBlocksOnDemand)
        {
            throw new RpcException(RpcErrorCode.MiscError, "setmocktime for regression testing (-regtest mode) only");
        }

        // RPCTypeCheck's wording for a value that is not a number.
        if (parameters[0] is not { ValueKind: JsonValueKind.Number })
        {
            throw new RpcException(RpcErrorCode.TypeError, $"Expected type number, got {TypeName(parameters[0])}");
        }

        var seconds = parameters.GetInt64(0);
        if (seconds is < NodeClock.MinSeconds or > NodeClock.MaxSeconds)
        {
            throw new RpcException(RpcErrorCode.InvalidParameter, "Timestamp out of range");
        }

        clock.SetMockTime(seconds);
        return ValueTask.FromResult<JsonNode?>(null);
    }

    private static string TypeName(JsonElement? value) => value?.ValueKind switch
    {
        null => "null",
        JsonValueKind.String => "string",
        JsonValueKind.True or JsonValueKind.False => "bool",
        JsonValueKind.Array => "array",
        JsonValueKind.Object => "object",
        _ => "number",
    };
}
