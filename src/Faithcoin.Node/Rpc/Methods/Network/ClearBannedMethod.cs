using System.Text.Json.Nodes;

namespace Faithcoin.Node.Rpc.Methods.Networking;

/// <summary>clearbanned: empties the ban list (written to banlist.json by the next maintenance pass).</summary>
public sealed class ClearBannedMethod(P2PAccess p2p) : IRpcMethod
{
    public string Name => "clearbanned";

    public RpcCategory Category => RpcCategory.Network;

    public IReadOnlyList<string> ArgumentNames { get; } = [];

    public int MinArguments => 0;

    public int MaxArguments => 0;

    public string Help =>
        "clearbanned\n" +
        "\nClear all banned IPs.\n" +
        "\nExamples:\n" +
        RpcHelpExamples.Cli(Name, string.Empty) +
        RpcHelpExamples.Rpc(Name, string.Empty);

    public ValueTask<JsonNode?> ExecuteAsync(RpcParameters parameters, CancellationToken cancellationToken)
    {
        p2p.Node.BanList.Clear();
        return ValueTask.FromResult<JsonNode?>(null);
    }
}
