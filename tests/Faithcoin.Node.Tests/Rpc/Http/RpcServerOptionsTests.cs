using Faithcoin.Node.Configuration;

namespace Faithcoin.Node.Tests.Rpc.Http;

/// <summary>The HTTP server options as the configuration reads them: 0.15's defaults, its clamping, and refusals.</summary>
public sealed class RpcServerOptionsTests : IDisposable
{
    private readonly TempDirectory data = new();

    public void Dispose() => data.Dispose();

    private NodeOptions Load(params string[] args) =>
        new NodeConfigurationLoader(new NodeOptionsBinder(new OptionCatalog()), data.Path)
            .Load(CommandLineParser.Parse([$"-datadir={data.Path}", "-regtest", .. args]));

    [Fact]
    public void DefaultsAreThoseOf015()
    {
        var rpc = Load().Rpc;
        Assert.Equal(4, rpc.Threads);
        Assert.Equal(16, rpc.WorkQueue);
        Assert.Equal(TimeSpan.FromSeconds(30), rpc.ServerTimeout);
        Assert.False(rpc.Rest);
        Assert.Empty(rpc.Auth);
    }

    [Fact]
    public void ThreadsAndQueueAreAtLeastOneAndTextIsRefused()
    {
        var rpc = Load("-rpcthreads=0", "-rpcworkqueue=-3").Rpc;
        Assert.Equal(1, rpc.Threads);
        Assert.Equal(1, rpc.WorkQueue);
        Assert.Equal(7, Load("-rpcthreads=7").Rpc.Threads);
        var error = Assert.Throws<ConfigurationException>(() => Load("-rpcworkqueue=lots"));
        Assert.Contains("-rpcworkqueue: 'lots'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RpcAuthTakesSeveralEntriesAndRefusesMalformedOnes()
    {
        var hash = new string('a', 64);
        var auth = Load($"-rpcauth=alice:salt1${hash}", $"-rpcauth=bob:salt2${hash}").Rpc.Auth;
        Assert.Equal([new RpcAuthEntry("alice", "salt1", hash), new RpcAuthEntry("bob", "salt2", hash)], auth);
        foreach (var bad in new[] { "alice", $"alice:salt{hash}", "alice:salt$beef", $":salt${hash}", $"a:b:c${hash}" })
        {
            var error = Assert.Throws<ConfigurationException>(() => Load($"-rpcauth={bad}"));
            Assert.Contains("Invalid -rpcauth value", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void RestIsAFlagAndTheNewOptionsAreNoLongerIgnored()
    {
        var options = Load("-rest", "-rpcthreads=2", "-rpcworkqueue=3", $"-rpcauth=u:s${new string('0', 64)}");
        Assert.True(options.Rpc.Rest);
        Assert.False(Load("-rest=0").Rpc.Rest);
        Assert.DoesNotContain(options.IgnoredOptions, o => o.Name is "rest" or "rpcthreads" or "rpcworkqueue" or "rpcauth");
        var catalog = new OptionCatalog();
        Assert.All(new[] { "rest", "rpcauth", "rpcthreads", "rpcworkqueue" }, n => Assert.True(catalog.Find(n)!.IsImplemented));
    }
}
