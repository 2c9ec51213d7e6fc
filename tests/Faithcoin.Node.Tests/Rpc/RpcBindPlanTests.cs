using Faithcoin.Node.Configuration;
using Faithcoin.Node.Rpc.Http;

namespace Faithcoin.Node.Tests.Rpc;

public sealed class RpcBindPlanTests
{
    private static RpcServerOptions Options(string[] bind, string[] allow) => new()
    {
        Port = 19332,
        Bind = bind.Select(b => { HostPort.TryParse(b, 19332, out var hp); return hp!; }).ToArray(),
        AllowIp = allow.Select(a => { SubnetSpec.TryParse(a, out var s); return s!; }).ToArray(),
        User = string.Empty,
        Password = string.Empty,
        CookieFilePath = "/tmp/.cookie",
        ServerTimeout = TimeSpan.FromSeconds(30),
    };

    [Fact]
    public void LoopbackByDefault()
    {
        var plan = RpcBindPlan.For(Options([], []));
        Assert.Equal([new HostPort("::1", 19332), new HostPort("127.0.0.1", 19332)], plan.Endpoints);
        Assert.Null(plan.Warning);
    }

    [Fact]
    public void RpcBindWithoutRpcAllowIpIsIgnoredWithAWarning()
    {
        var plan = RpcBindPlan.For(Options(["0.0.0.0"], []));
        Assert.Equal([new HostPort("::1", 19332), new HostPort("127.0.0.1", 19332)], plan.Endpoints);
        Assert.Contains("-rpcbind was ignored", plan.Warning, StringComparison.Ordinal);
    }

    [Fact]
    public void RpcAllowIpAloneListensEverywhere()
    {
        var plan = RpcBindPlan.For(Options([], ["10.0.0.0/8"]));
        Assert.Equal([new HostPort("::", 19332), new HostPort("0.0.0.0", 19332)], plan.Endpoints);
    }

    [Fact]
    public void RpcBindWithRpcAllowIpIsHonoured()
    {
        var plan = RpcBindPlan.For(Options(["10.1.1.1:4000"], ["10.0.0.0/8"]));
        Assert.Equal([new HostPort("10.1.1.1", 4000)], plan.Endpoints);
    }
}
