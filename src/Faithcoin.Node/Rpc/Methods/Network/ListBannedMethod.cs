using System.Text.Json.Nodes;
using Faithcoin.P2P.Peers;

namespace Faithcoin.Node.Rpc.Methods.Networking;

/// <summary>listbanned: the bans in force with their times and reason, as 0.15 prints them.</summary>
public sealed class ListBannedMethod(P2PAccess p2p, TimeProvider time) : IRpcMethod
{
    public string Name => "listbanned";

    public RpcCategory Category => RpcCategory.Network;

    public IReadOnlyList<string> ArgumentNames { get; } = [];

    public int MinArguments => 0;

    public int MaxArguments => 0;

    public string Help =>
        "listbanned\n" +
        "\nList all banned IPs/Subnets.\n" +
        "\nExamples:\n" +
        RpcHelpExamples.Cli(Name, string.Empty) +
        RpcHelpExamples.Rpc(Name, string.Empty);

    public static string ReasonText(BanReason reason) => reason switch
    {
        BanReason.NodeMisbehaving => "node misbehaving",
        BanReason.ManuallyAdded => "manually added",
        _ => "unknown",
    };

    public ValueTask<JsonNode?> ExecuteAsync(RpcParameters parameters, CancellationToken cancellationToken)
    {
        var result = new JsonArray();
        foreach (var entry in p2p.Node.BanList.GetEntries(time.GetUtcNow()))
        {
            result.Add(new JsonObject
            {
                ["address"] = entry.Subnet.ToString(),
                ["banned_until"] = entry.BannedUntil.ToUnixTimeSeconds(),
                ["ban_created"] = entry.Created.ToUnixTimeSeconds(),
                ["ban_reason"] = ReasonText(entry.Reason),
            });
        }

        return ValueTask.FromResult<JsonNode?>(result);
    }
}
