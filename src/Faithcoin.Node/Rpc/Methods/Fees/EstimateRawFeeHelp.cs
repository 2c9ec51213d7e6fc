namespace Faithcoin.Node.Rpc.Methods.Fees;

/// <summary>estimaterawfee's help text as 0.15 prints it.</summary>
public static class EstimateRawFeeHelp
{
    public static string Text { get; } =
        "estimaterawfee conf_target (threshold)\n" +
        "\nWARNING: This interface is unstable and may disappear or change!\n" +
        "\nWARNING: This is an advanced API call that is tightly coupled to the specific\n" +
        "         implementation of fee estimation. The parameters it can be called with\n" +
        "         and the results it returns will change if the internal implementation changes.\n" +
        "\nEstimates the approximate fee per kilobyte needed for a transaction to begin\n" +
        "confirmation within conf_target blocks if possible. Uses virtual transaction size as\n" +
        "defined in BIP 141 (witness data is discounted).\n" +
        "\nArguments:\n" +
        "1. conf_target (numeric) Confirmation target in blocks (1 - 1008)\n" +
        "2. threshold   (numeric, optional) The proportion of transactions in a given feerate range that must have been\n" +
        "               confirmed within conf_target in order to consider those feerates as high enough and proceed to check\n" +
        "               lower buckets.  Default: 0.95\n" +
        "\nResult:\n" +
        "{\n" +
        "  \"short\" : {            (json object, optional) estimate for short time horizon\n" +
        "      \"feerate\" : x.x,        (numeric, optional) estimate fee-per-kilobyte (in LTC)\n" +
        "      \"decay\" : x.x,          (numeric) exponential decay (per block) for historical moving average of confirmation data\n" +
        "      \"scale\" : x,            (numeric) The resolution of confirmation targets at this time horizon\n" +
        "      \"pass\" : {              (json object, optional) information about the lowest range of feerates to succeed in meeting the threshold\n" +
        "          \"startrange\" : x.x,     (numeric) start of feerate range\n" +
        "          \"endrange\" : x.x,       (numeric) end of feerate range\n" +
        "          \"withintarget\" : x.x,   (numeric) number of txs over history horizon in the feerate range that were confirmed within target\n" +
        "          \"totalconfirmed\" : x.x, (numeric) number of txs over history horizon in the feerate range that were confirmed at any point\n" +
        "          \"inmempool\" : x.x,      (numeric) current number of txs in mempool in the feerate range unconfirmed for at least target blocks\n" +
        "          \"leftmempool\" : x.x,    (numeric) number of txs over history horizon in the feerate range that left mempool unconfirmed after target\n" +
        "      },\n" +
        "      \"fail\" : { ... },       (json object, optional) information about the highest range of feerates to fail to meet the threshold\n" +
        "      \"errors\":  [ str... ]   (json array of strings, optional) Errors encountered during processing\n" +
        "  },\n" +
        "  \"medium\" : { ... },    (json object, optional) estimate for medium time horizon\n" +
        "  \"long\" : { ... }       (json object) estimate for long time horizon\n" +
        "}\n" +
        "\n" +
        "Results are returned for any horizon which tracks blocks up to the confirmation target.\n" +
        "\nExample:\n" +
        RpcHelpExamples.Cli("estimaterawfee", "6 0.9");
}
