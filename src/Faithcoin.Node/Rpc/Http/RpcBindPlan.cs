using Faithcoin.Node.Configuration;

namespace Faithcoin.Node.Rpc.Http;

/// <summary>
/// Where the RPC server listens (HTTPBindAddresses): loopback unless -rpcallowip opens it up; -rpcbind is
/// honoured only together with -rpcallowip, so a bind address alone cannot expose the server to everyone.
/// </summary>
public sealed record RpcBindPlan(IReadOnlyList<HostPort> Endpoints, string? Warning)
{
    public static RpcBindPlan For(RpcServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.AllowIp.Count == 0)
        {
            var warning = options.Bind.Count > 0
                ? "WARNING: option -rpcbind was ignored because -rpcallowip was not specified, refusing to allow everyone to connect"
                : null;
            return new RpcBindPlan([new HostPort("::1", options.Port), new HostPort("127.0.0.1", options.Port)], warning);
        }

        if (options.Bind.Count > 0)
        {
            return new RpcBindPlan(options.Bind, null);
        }

        return new RpcBindPlan([new HostPort("::", options.Port), new HostPort("0.0.0.0", options.Port)], null);
    }
}
