using System.Text.Json;
using System.Text.Json.Nodes;
using Faithcoin.Node.Mempool.FeeEstimation;
using Faithcoin.Node.Rpc.Formatting;

namespace Faithcoin.Node.Rpc.Methods.Fees;

/// <summary>estimatesmartfee conf_target ("estimate_mode"): the fee rate and the target it answers, or errors.</summary>
public sealed class EstimateSmartFeeMethod(BlockPolicyEstimator estimator) : IRpcMethod
{
    public const string NoEstimateError = "Insufficient data or no feerate found";

    public string Name => "estimatesmartfee";

    public RpcCategory Category => RpcCategory.Util;

    public IReadOnlyList<string> ArgumentNames { get; } = ["conf_target", "estimate_mode"];

    public int MinArguments => 1;

    public int MaxArguments => 2;

    public string Help =>
        "estimatesmartfee conf_target (\"estimate_mode\")\n" +
        "\nEstimates the approximate fee per kilobyte needed for a transaction to begin\n" +
        "confirmation within conf_target blocks if possible and return the number of blocks\n" +
        "for which the estimate is valid. Uses virtual transaction size as defined\n" +
        "in BIP 141 (witness data is discounted).\n" +
        "\nArguments:\n" +
        "1. conf_target     (numeric) Confirmation target in blocks (1 - 1008)\n" +
        "2. \"estimate_mode\" (string, optional, default=CONSERVATIVE) The fee estimate mode.\n" +
        "                   Whether to return a more conservative estimate which also satisfies\n" +
        "                   a longer history. A conservative estimate potentially returns a\n" +
        "                   higher feerate and is more likely to be sufficient for the desired\n" +
        "                   target, but is not as responsive to short term drops in the\n" +
        "                   prevailing fee market.  Must be one of:\n" +
        "       \"UNSET\" (defaults to CONSERVATIVE)\n" +
        "       \"ECONOMICAL\"\n" +
        "       \"CONSERVATIVE\"\n" +
        "\nResult:\n" +
        "{\n" +
        "  \"feerate\" : x.x,     (numeric, optional) estimate fee-per-kilobyte (in LTC)\n" +
        "  \"errors\": [ str... ] (json array of strings, optional) Errors encountered during processing\n" +
        "  \"blocks\" : n         (numeric) block number where estimate was found\n" +
        "}\n" +
        "\n" +
        "The request target will be clamped between 2 and the highest target\n" +
        "fee estimation is able to return based on how long it has been running.\n" +
        "An error is returned if not enough transactions and blocks\n" +
        "have been observed to make an estimate for any number of blocks.\n" +
        "\nExample:\n" +
        RpcHelpExamples.Cli(Name, "6");

    public ValueTask<JsonNode?> ExecuteAsync(RpcParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        FeeRpcArguments.RequireType(parameters, 0, JsonValueKind.Number, allowNull: false);
        FeeRpcArguments.RequireType(parameters, 1, JsonValueKind.String, allowNull: false);
        var target = FeeRpcArguments.ParseConfirmTarget(parameters, 0, estimator);
        var conservative = true;
        if (!parameters.IsNull(1))
        {
            conservative = parameters.GetString(1) switch
            {
                "UNSET" or "CONSERVATIVE" => true,
                "ECONOMICAL" => false,
                _ => throw new RpcException(RpcErrorCode.InvalidParameter, "Invalid estimate_mode parameter"),
            };
        }

        var estimate = estimator.EstimateSmartFee(target, conservative);
        var result = new JsonObject();
        if (estimate.Found)
        {
            result["feerate"] = AmountJson.ToJson(estimate.FeePerKilobyte);
        }
        else
        {
            result["errors"] = new JsonArray(NoEstimateError);
        }

        result["blocks"] = estimate.ReturnedTarget;
        return ValueTask.FromResult<JsonNode?>(result);
    }
}
