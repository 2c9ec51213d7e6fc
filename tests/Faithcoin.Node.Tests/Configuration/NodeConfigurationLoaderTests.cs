using Faithcoin.Consensus.Chain;
using Faithcoin.Node.Configuration;

namespace Faithcoin.Node.Tests.Configuration;

public sealed class NodeConfigurationLoaderTests : IDisposable
{
    private readonly TempDirectory home = new();
    private readonly TempDirectory data = new();

    public void Dispose()
    {
        home.Dispose();
        data.Dispose();
    }

    private NodeOptions Load(params string[] argv) =>
        new NodeConfigurationLoader(new NodeOptionsBinder(new OptionCatalog()), home.Combine(".faithcoin"))
            .Load(CommandLineParser.Parse(argv));

    [Theory]
    [InlineData(new string[0], FaithcoinChain.Main, 9332, 9666)]
    [InlineData(new[] { "-testnet" }, FaithcoinChain.Test, 19332, 19335)]
    [InlineData(new[] { "-regtest" }, FaithcoinChain.Regtest, 19332, 19444)]
    [InlineData(new[] { "-regtest=0", "-testnet=1" }, FaithcoinChain.Test, 19332, 19335)]
    public void SelectsTheChainAndItsDefaultPorts(string[] argv, FaithcoinChain chain, int rpcPort, int p2pPort)
    {
        var options = Load([$"-datadir={data.Path}", .. argv]);
        Assert.Equal(chain, options.Chain.Chain);
        Assert.Equal(rpcPort, options.Rpc.Port);
        Assert.Equal(p2pPort, options.Port);
        Assert.True(options.Server);
        Assert.False(options.PrintToConsole);
    }

    [Fact]
    public void RegtestAndTestnetTogetherAreRefused()
    {
        var e = Assert.Throws<ConfigurationException>(() => Load($"-datadir={data.Path}", "-regtest", "-testnet"));
        Assert.Equal("Invalid combination of -regtest and -testnet.", e.Message);
    }

    [Fact]
    public void AMissingDataDirectoryIsRefusedWithTheOriginalMessage()
    {
        var missing = data.Combine("nope");
        var e = Assert.Throws<ConfigurationException>(() => Load($"-datadir={missing}"));
        Assert.Equal($"Specified data directory \"{missing}\" does not exist.", e.Message);
    }

    [Fact]
    public void TheDefaultDataDirectoryIsCreated()
    {
        var options = Load("-regtest");
        Assert.Equal(home.Combine(".faithcoin"), options.DataDirectory.BasePath);
        Assert.True(Directory.Exists(options.DataDirectory.BasePath));
    }

    [Fact]
    public void ReadsTheConfFileFromTheDataDirectoryWithCommandLinePrecedence()
    {
        File.WriteAllText(data.Combine("faithcoin.conf"), "regtest=1\nrpcport=20000\nrpcuser=alice\nrpcpassword=pw\n");
        var options = Load($"-datadir={data.Path}", "-rpcport=20001");
        Assert.True(options.ConfigFileFound);
        Assert.Equal(FaithcoinChain.Regtest, options.Chain.Chain);
        Assert.Equal(20001, options.Rpc.Port);
        Assert.Equal("alice", options.Rpc.User);
        Assert.False(options.Rpc.UsesCookie);
    }

    [Fact]
    public void ARelativeConfPathIsRelativeToTheDataDirectory()
    {
        Directory.CreateDirectory(data.Combine("etc"));
        File.WriteAllText(data.Combine("etc", "node.conf"), "testnet=1\n");
        var options = Load($"-datadir={data.Path}", "-conf=etc/node.conf");
        Assert.Equal(data.Combine("etc", "node.conf"), options.ConfigFilePath);
        Assert.Equal(FaithcoinChain.Test, options.Chain.Chain);
    }

    [Fact]
    public void AMissingConfFileIsFine()
    {
        var options = Load($"-datadir={data.Path}");
        Assert.False(options.ConfigFileFound);
    }

    [Fact]
    public void TheConfFileMayMoveTheDataDirectory()
    {
        var other = data.Combine("other");
        Directory.CreateDirectory(other);
        File.WriteAllText(home.Combine("node.conf"), $"datadir={other}\nregtest=1\n");
        var options = Load($"-conf={home.Combine("node.conf")}");
        Assert.Equal(Path.Combine(other, "regtest"), options.DataDirectory.ChainPath);
    }

    [Fact]
    public void FilesTheNodeWritesResolveInTheChainFolder()
    {
        var options = Load($"-datadir={data.Path}", "-regtest", "-pid=my.pid");
        Assert.Equal(data.Combine("regtest", "my.pid"), options.PidFilePath);
        Assert.Equal(data.Combine("regtest", ".cookie"), options.Rpc.CookieFilePath);
        Assert.Equal(data.Combine("regtest", "debug.log"), options.DataDirectory.DebugLogPath);
    }

    [Theory]
    [InlineData("-rpcport=abc", "Invalid port specified in -rpcport: 'abc'")]
    [InlineData("-port=70000", "Invalid port specified in -port: '70000'")]
    [InlineData("-server=yes", "Invalid value for -server: 'yes'")]
    [InlineData("-bind=not-an-ip", "Cannot resolve -bind address: 'not-an-ip'")]
    [InlineData("-rpcallowip=10.0.0.0/33", "Invalid -rpcallowip subnet specification: 10.0.0.0/33.")]
    [InlineData("-rpcbind=1.2.3.4:0", "Invalid -rpcbind address: '1.2.3.4:0'")]
    public void MalformedValuesAreRefused(string arg, string message)
    {
        var e = Assert.Throws<ConfigurationException>(() => Load($"-datadir={data.Path}", arg));
        Assert.StartsWith(message, e.Message, StringComparison.Ordinal);
        Assert.Contains("command line", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MalformedConfValuesPointAtTheirLine()
    {
        File.WriteAllText(data.Combine("faithcoin.conf"), "regtest=1\nrpcport=abc\n");
        var e = Assert.Throws<ConfigurationException>(() => Load($"-datadir={data.Path}"));
        Assert.Contains("faithcoin.conf:2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StrayWordsOnTheCommandLineAreRefused()
    {
        var e = Assert.Throws<ConfigurationException>(() => Load($"-datadir={data.Path}", "getinfo"));
        Assert.Contains("unexpected token 'getinfo'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownAndNotYetUsedOptionsAreListedSeparately()
    {
        File.WriteAllText(data.Combine("faithcoin.conf"), "maxuploadtarget=100\nfrobnicate=1\n");
        var options = Load($"-datadir={data.Path}", "-nosuchthing=1", "-upnp=1");
        Assert.Equal(["frobnicate", "suchthing"], options.UnknownOptions.Select(o => o.Name));
        Assert.Equal(["maxuploadtarget", "upnp"], options.IgnoredOptions.Select(o => o.Name));
    }

    [Fact]
    public void RpcBindAndAllowIpAreParsed()
    {
        var options = Load($"-datadir={data.Path}", "-regtest", "-rpcallowip=10.0.0.0/8", "-rpcbind=0.0.0.0", "-rpcbind=[::1]:4000");
        Assert.Equal([new HostPort("0.0.0.0", 19332), new HostPort("::1", 4000)], options.Rpc.Bind);
        Assert.Single(options.Rpc.AllowIp);
    }
}
