using System.Net;
using Faithcoin.Node.Configuration;

namespace Faithcoin.Node.Rpc.Http;

/// <summary>The original's rpcallowip check: loopback always, plus every -rpcallowip subnet.</summary>
public sealed class RpcAccessList
{
    private readonly IReadOnlyList<SubnetSpec> allowed;

    public RpcAccessList(NodeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        SubnetSpec.TryParse("127.0.0.0/8", out var loopback4);
        allowed = [loopback4!, SubnetSpec.Single(IPAddress.IPv6Loopback), .. options.Rpc.AllowIp];
    }

    public IReadOnlyList<SubnetSpec> Subnets => allowed;

    public bool IsAllowed(IPAddress? address) => address is not null && allowed.Any(s => s.Contains(address));
}
