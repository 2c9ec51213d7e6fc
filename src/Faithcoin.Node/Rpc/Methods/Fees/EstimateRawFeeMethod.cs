using System.Text.Json;
using System.Text.Json.Nodes;
using Faithcoin.Node.Mempool.FeeEstimation;
using Faithcoin.Node.Rpc.Formatting;

namespace Faithcoin.Node.Rpc.Methods.Fees;

/// <summary>
/// estimaterawfee conf_target (threshold): the estimate of each horizon that tracks the target, with its bucket
/// ranges. Hidden in 0.15's help, as an unstable interface.
/// </summary>
public sealed class EstimateRawFeeMethod(BlockPolicyEstimator estimator) : IRpcMethod
{
    public const string NoEstimateError = "Insufficient data or no feerate found which meets threshold";

    private const double DefaultThreshold = 0.95;

    public string Name => "estimaterawfee";

    public RpcCategory Category => RpcCategory.Hidden;

    public IReadOnlyList<string> ArgumentNames { get; } = ["conf_target", "threshold"];

    public int MinArguments => 1;

    public int MaxArguments => 2;

    public string Help => EstimateRawFeeHelp.Text;

    public ValueTask<JsonNode?> ExecuteAsync(RpcParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        FeeRpcArguments.RequireType(parameters, 0, JsonValueKind.Number, allowNull: false);
        FeeRpcArguments.RequireType(parameters, 1, JsonValueKind.Number, allowNull: true);
        var target = FeeRpcArguments.ParseConfirmTarget(parameters, 0, estimator);
        var threshold = DefaultThreshold;
        if (!parameters.IsNull(1) && !parameters[1]!.Value.TryGetDouble(out threshold))
        {
            throw new RpcException(RpcErrorCode.MiscError, "JSON double out of range");
        }

        if (threshold < 0 || threshold > 1)
        {
            throw new RpcException(RpcErrorCode.InvalidParameter, "Invalid threshold");
        }

        var result = new JsonObject();
        foreach (var (horizon, name) in new[] { (FeeEstimateHorizon.Short, "short"), (FeeEstimateHorizon.Medium, "medium"), (FeeEstimateHorizon.Long, "long") })
        {
            if (target > estimator.HighestTargetTracked(horizon))
            {
                continue;
            }

            result[name] = HorizonJson(estimator.EstimateRawFee(target, threshold, horizon));
        }

        return ValueTask.FromResult<JsonNode?>(result);
    }

    private static JsonObject HorizonJson(RawFeeEstimate estimate)
    {
        var details = estimate.Result;
        var json = new JsonObject();
        if (estimate.Found)
        {
            json["feerate"] = AmountJson.ToJson(estimate.FeePerKilobyte);
        }

        json["decay"] = JsonNumber.FromDouble(details.Decay);
        json["scale"] = details.Scale;
        if (estimate.Found)
        {
            json["pass"] = BucketJson(details.Pass);

            // A fail range starting at -1 means every bucket passed.
            if (details.Fail.Start != -1)
            {
                json["fail"] = BucketJson(details.Fail);
            }
        }
        else
        {
            json["fail"] = BucketJson(details.Fail);
            json["errors"] = new JsonArray(NoEstimateError);
        }

        return json;
    }

    private static JsonObject BucketJson(EstimatorBucket bucket) => new()
    {
        ["startrange"] = JsonNumber.FromDouble(Math.Round(bucket.Start, MidpointRounding.AwayFromZero)),
        ["endrange"] = JsonNumber.FromDouble(Math.Round(bucket.End, MidpointRounding.AwayFromZero)),
        ["withintarget"] = Hundredths(bucket.WithinTarget),
        ["totalconfirmed"] = Hundredths(bucket.TotalConfirmed),
        ["inmempool"] = Hundredths(bucket.InMempool),
        ["leftmempool"] = Hundredths(bucket.LeftMempool),
    };

    private static JsonNode Hundredths(double value) =>
        JsonNumber.FromDouble(Math.Round(value * 100.0, MidpointRounding.AwayFromZero) / 100.0);
}
