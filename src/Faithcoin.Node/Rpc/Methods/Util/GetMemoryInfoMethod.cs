using System.Text.Json.Nodes;

namespace Faithcoin.Node.Rpc.Methods.Util;

/// <summary>
/// getmemoryinfo ("mode"): "stats" reports the locked memory pool, which in 0.15 holds wallet and key secrets. This
/// node has no wallet and keeps no secrets in locked pages (the keys signrawtransaction and signmessagewithprivkey
/// receive live only for the call), so every figure is zero. "mallocinfo" answers as a build without malloc_info.
/// </summary>
public sealed class GetMemoryInfoMethod : IRpcMethod
{
    public string Name => "getmemoryinfo";

    public RpcCategory Category => RpcCategory.Control;

    public IReadOnlyList<string> ArgumentNames { get; } = ["mode"];

    public int MinArguments => 0;

    public int MaxArguments => 1;

    public string Help =>
        "getmemoryinfo (\"mode\")\n" +
        "Returns an object containing information about memory usage.\n" +
        "Arguments:\n" +
        "1. \"mode\" determines what kind of information is returned. This argument is optional, the default mode is \"stats\".\n" +
        "  - \"stats\" returns general statistics about memory usage in the daemon.\n" +
        "  - \"mallocinfo\" returns an XML string describing low-level heap state (only available if compiled with glibc 2.10+).\n" +
        "\nResult (mode \"stats\"):\n" +
        "{\n" +
        "  \"locked\": {               (json object) Information about locked memory manager\n" +
        "    \"used\": xxxxx,          (numeric) Number of bytes used\n" +
        "    \"free\": xxxxx,          (numeric) Number of bytes available in current arenas\n" +
        "    \"total\": xxxxxxx,       (numeric) Total number of bytes managed\n" +
        "    \"locked\": xxxxxx,       (numeric) Amount of bytes that succeeded locking. If this number is smaller than total, locking pages failed at some point and key data could be swapped to disk.\n" +
        "    \"chunks_used\": xxxxx,   (numeric) Number allocated chunks\n" +
        "    \"chunks_free\": xxxxx,   (numeric) Number unused chunks\n" +
        "  }\n" +
        "}\n" +
        "\nResult (mode \"mallocinfo\"):\n" +
        "\"<malloc version=\"1\">...\"\n" +
        "\nExamples:\n" +
        RpcHelpExamples.Cli("getmemoryinfo", string.Empty) +
        RpcHelpExamples.Rpc("getmemoryinfo", string.Empty);

    public ValueTask<JsonNode?> ExecuteAsync(RpcParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var mode = parameters.IsNull(0) ? "stats" : parameters.GetString(0);
        return mode switch
        {
            "stats" => ValueTask.FromResult<JsonNode?>(new JsonObject { ["locked"] = LockedPool() }),
            "mallocinfo" => throw new RpcException(
                RpcErrorCode.InvalidParameter, "mallocinfo is only available when compiled with glibc 2.10+"),
            _ => throw new RpcException(RpcErrorCode.InvalidParameter, "unknown mode " + mode),
        };
    }

    private static JsonObject LockedPool() => new()
    {
        ["used"] = 0,
        ["free"] = 0,
        ["total"] = 0,
        ["locked"] = 0,
        ["chunks_used"] = 0,
        ["chunks_free"] = 0,
    };
}
