using System.Text.Json;
using System.Text.Json.Nodes;
using Faithcoin.Node.Mempool.FeeEstimation;
using Faithcoin.Node.Rpc.Formatting;

namespace Faithcoin.Node.Rpc.Methods.Fees;

/// <summary>estimatefee nblocks: the deprecated estimate (95% within nblocks on the medium horizon), -1 without one.</summary>
public sealed class EstimateFeeMethod(BlockPolicyEstimator estimator) : IRpcMethod
{
    public string Name => "estimatefee";

    public RpcCategory Category => RpcCategory.Util;

    public IReadOnlyList<string> ArgumentNames { get; } = ["nblocks"];

    public int MinArguments => 1;

    public int MaxArguments => 1;

    public string Help =>
        "estimatefee nblocks\n" +
        "\nDEPRECATED. Please use estimatesmartfee for more intelligent estimates." +
        "\nEstimates the approximate fee per kilobyte needed for a transaction to begin\n" +
        "confirmation within nblocks blocks. Uses virtual transaction size of transaction\n" +
        "as defined in BIP 141 (witness data is discounted).\n" +
        "\nArguments:\n" +
        "1. nblocks     (numeric, required)\n" +
        "\nResult:\n" +
        "n              (numeric) estimated fee-per-kilobyte\n" +
        "\n" +
        "A negative value is returned if not enough transactions and blocks\n" +
        "have been observed to make an estimate.\n" +
        "-1 is always returned for nblocks == 1 as it is impossible to calculate\n" +
        "a fee that is high enough to get reliably included in the next block.\n" +
        "\nExample:\n" +
        RpcHelpExamples.Cli(Name, "6");

    public ValueTask<JsonNode?> ExecuteAsync(RpcParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        FeeRpcArguments.RequireType(parameters, 0, JsonValueKind.Number, allowNull: false);
        var blocks = Math.Max(1, parameters.GetInt32(0));
        var feePerKilobyte = estimator.EstimateFee(blocks);
        return ValueTask.FromResult<JsonNode?>(feePerKilobyte == 0 ? JsonNumber.FromDouble(-1.0) : AmountJson.ToJson(feePerKilobyte));
    }
}
