using System.Text.Json;
using Faithcoin.Node.Mempool.FeeEstimation;

namespace Faithcoin.Node.Rpc.Methods.Fees;

/// <summary>The fee methods' argument checks: 0.15's RPCTypeCheck (error -3 with UniValue's type names) and ParseConfirmTarget.</summary>
public static class FeeRpcArguments
{
    /// <summary>
    /// RPCTypeCheckArgument for a given parameter: a parameter past the end is not checked; JSON null passes only
    /// when <paramref name="allowNull"/>.
    /// </summary>
    public static void RequireType(RpcParameters parameters, int index, JsonValueKind expected, bool allowNull)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (index >= parameters.Count)
        {
            return;
        }

        var actual = parameters[index]?.ValueKind ?? JsonValueKind.Null;
        if (actual == JsonValueKind.Null && allowNull)
        {
            return;
        }

        if (TypeName(actual) != TypeName(expected))
        {
            throw new RpcException(RpcErrorCode.TypeError, $"Expected type {TypeName(expected)}, got {TypeName(actual)}");
        }
    }

    /// <summary>A confirmation target between 1 and the long horizon's highest (1008), else -8.</summary>
    public static int ParseConfirmTarget(RpcParameters parameters, int index, BlockPolicyEstimator estimator)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(estimator);
        var target = parameters.GetInt32(index);
        var maxTarget = estimator.HighestTargetTracked(FeeEstimateHorizon.Long);
        if (target < 1 || target > maxTarget)
        {
            throw new RpcException(RpcErrorCode.InvalidParameter, $"Invalid conf_target, must be between 1 - {maxTarget}");
        }

        return target;
    }

    /// <summary>UniValue's uvTypeName.</summary>
    public static string TypeName(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "bool",
        _ => "null",
    };
}
