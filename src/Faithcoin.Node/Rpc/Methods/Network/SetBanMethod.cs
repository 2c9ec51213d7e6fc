using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Faithcoin.Node.Configuration;
using Faithcoin.P2P;

namespace Faithcoin.Node.Rpc.Methods.Networking;

/// <summary>setban "subnet" "add|remove" (bantime) (absolute): 0.15's checks, codes and messages.</summary>
public sealed class SetBanMethod(P2PAccess p2p, P2POptions options, TimeProvider time) : IRpcMethod
{
    public string Name => "setban";

    public RpcCategory Category => RpcCategory.Network;

    public IReadOnlyList<string> ArgumentNames { get; } = ["subnet", "command", "bantime", "absolute"];

    public int MinArguments => 2;

    public int MaxArguments => 4;

    public string Help =>
        "setban \"subnet\" \"add|remove\" (bantime) (absolute)\n" +
        "\nAttempts add or remove a IP/Subnet from the banned list.\n" +
        "\nArguments:\n" +
        "1. \"subnet\"       (string, required) The IP/Subnet (see getpeerinfo for nodes ip) with a optional netmask (default is /32 = single ip)\n" +
        "2. \"command\"      (string, required) 'add' to add a IP/Subnet to the list, 'remove' to remove a IP/Subnet from the list\n" +
        "3. \"bantime\"      (numeric, optional) time in seconds how long (or until when if [absolute] is set) the ip is banned (0 or empty means using the default time of 24h which can also be overwritten by the -bantime startup argument)\n" +
        "4. \"absolute\"     (boolean, optional) If set, the bantime must be a absolute timestamp in seconds since epoch (Jan 1 1970 GMT)\n" +
        "\nExamples:\n" +
        RpcHelpExamples.Cli(Name, "\"192.168.0.6\" \"add\" 86400") +
        RpcHelpExamples.Cli(Name, "\"192.168.0.0/24\" \"add\"") +
        RpcHelpExamples.Rpc(Name, "\"192.168.0.6\", \"add\", 86400");

    public ValueTask<JsonNode?> ExecuteAsync(RpcParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var command = parameters.GetString(1);
        if (command is not ("add" or "remove"))
        {
            throw new RpcException(RpcErrorCode.MiscError, Help);
        }

        var node = p2p.Node;
        var text = parameters.GetString(0);
        var isSubnet = text.Contains('/', StringComparison.Ordinal);
        var subnet = ParseTarget(text, isSubnet)
            ?? throw new RpcException(RpcErrorCode.ClientInvalidIpOrSubnet, "Error: Invalid IP/Subnet");
        var now = time.GetUtcNow();
        if (command == "add")
        {
            // A single address counts as banned when any banned subnet holds it; a subnet only when listed itself.
            var banned = isSubnet
                ? node.BanList.GetEntries(now).Any(e => e.Subnet.Equals(subnet))
                : node.BanList.IsBanned(subnet.BaseAddress, now);
            if (banned)
            {
                throw new RpcException(RpcErrorCode.ClientNodeAlreadyAdded, "Error: IP/Subnet already banned");
            }

            var banTime = parameters.IsNull(2) ? 0 : parameters.GetInt64(2);
            var absolute = parameters[3] is { ValueKind: JsonValueKind.True };
            var until = banTime <= 0
                ? now + options.BanTime
                : absolute ? DateTimeOffset.FromUnixTimeSeconds(banTime) : now + TimeSpan.FromSeconds(banTime);
            node.Ban(subnet, until);
        }
        else if (!node.BanList.Unban(subnet))
        {
            throw new RpcException(
                RpcErrorCode.ClientInvalidIpOrSubnet, "Error: Unban failed. Requested address/subnet was not previously banned.");
        }

        return ValueTask.FromResult<JsonNode?>(null);
    }

    // LookupHost without name resolution, or LookupSubNet: numeric addresses only.
    private static IPNetwork? ParseTarget(string text, bool isSubnet)
    {
        if (isSubnet)
        {
            return WhitelistSubnet.TryParse(text, out var network) ? network : null;
        }

        return IPAddress.TryParse(text, out var address) && !text.Contains('%', StringComparison.Ordinal)
            ? P2P.Peers.AddressClass.SingleHost(address)
            : null;
    }
}
