using System.Text.Json.Nodes;

namespace Faithcoin.Node.Rpc.Methods.Networking;

/// <summary>getnettotals: bytes in and out since start, the time, and the (unset) upload target.</summary>
public sealed class GetNetTotalsMethod(P2PAccess p2p, TimeProvider time) : IRpcMethod
{
    /// <summary>MAX_UPLOAD_TIMEFRAME: 24 hours, reported even without -maxuploadtarget.</summary>
    private const long UploadTimeframeSeconds = 60 * 60 * 24;

    public string Name => "getnettotals";

    public RpcCategory Category => RpcCategory.Network;

    public IReadOnlyList<string> ArgumentNames { get; } = [];

    public int MinArguments => 0;

    public int MaxArguments => 0;

    public string Help =>
        "getnettotals\n" +
        "\nReturns information about network traffic, including bytes in, bytes out,\n" +
        "and current time.\n" +
        "\nResult:\n" +
        "{\n" +
        "  \"totalbytesrecv\": n,   (numeric) Total bytes received\n" +
        "  \"totalbytessent\": n,   (numeric) Total bytes sent\n" +
        "  \"timemillis\": t,       (numeric) Current UNIX time in milliseconds\n" +
        "  \"uploadtarget\":\n" +
        "  {\n" +
        "    \"timeframe\": n,                         (numeric) Length of the measuring timeframe in seconds\n" +
        "    \"target\": n,                            (numeric) Target in bytes\n" +
        "    \"target_reached\": true|false,           (boolean) True if target is reached\n" +
        "    \"serve_historical_blocks\": true|false,  (boolean) True if serving historical blocks\n" +
        "    \"bytes_left_in_cycle\": t,               (numeric) Bytes left in current time cycle\n" +
        "    \"time_left_in_cycle\": t                 (numeric) Seconds left in current time cycle\n" +
        "  }\n" +
        "}\n" +
        "\nExamples:\n" +
        RpcHelpExamples.Cli(Name, string.Empty) +
        RpcHelpExamples.Rpc(Name, string.Empty);

    public ValueTask<JsonNode?> ExecuteAsync(RpcParameters parameters, CancellationToken cancellationToken)
    {
        var node = p2p.Node;
        var result = new JsonObject
        {
            ["totalbytesrecv"] = node.TotalBytesReceived,
            ["totalbytessent"] = node.TotalBytesSent,
            ["timemillis"] = time.GetUtcNow().ToUnixTimeMilliseconds(),
            ["uploadtarget"] = new JsonObject
            {
                ["timeframe"] = UploadTimeframeSeconds,
                ["target"] = 0,
                ["target_reached"] = false,
                ["serve_historical_blocks"] = true,
                ["bytes_left_in_cycle"] = 0,
                ["time_left_in_cycle"] = 0,
            },
        };
        return ValueTask.FromResult<JsonNode?>(result);
    }
}
