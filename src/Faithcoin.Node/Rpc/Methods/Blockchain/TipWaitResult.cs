using System.Text.Json.Nodes;
using Faithcoin.Consensus.Chain;

namespace Faithcoin.Node.Rpc.Methods.Blockchain;

/// <summary>The waitfor* methods' shared pieces: the timeout argument (milliseconds, 0 for none) and the {hash, height} result.</summary>
internal static class TipWaitResult
{
    public const string ResultHelp =
        "\nResult:\n" +
        "{                           (json object)\n" +
        "  \"hash\" : {       (string) The blockhash\n" +
        "  \"height\" : {     (int) Block height\n" +
        "}\n";

    public static TimeSpan? Timeout(RpcParameters parameters, int index)
    {
        var milliseconds = parameters.IsNull(index) ? 0 : parameters.GetInt32(index);

        // 0.15 waits without a limit for 0; a negative value times out at once.
        return milliseconds == 0 ? null : TimeSpan.FromMilliseconds(Math.Max(0, milliseconds));
    }

    public static JsonObject ToJson(ChainedHeader tip) => new()
    {
        ["hash"] = tip.HashBlock.ToString(),
        ["height"] = tip.Height,
    };
}
