using Faithcoin.Cli;
using Faithcoin.Cli.Configuration;
using Faithcoin.Cli.Transport;
using Faithcoin.Consensus.Chain;

namespace Faithcoin.Node.Tests.Cli;

/// <summary>The client's reading of its command line and faithcoin.conf, and where that sends the call.</summary>
public sealed class CliConfigurationTests
{
    [Fact]
    public void OptionsStopAtTheMethodAndLaterArgumentsStayAsTheyAre()
    {
        var line = CommandLine.Parse(["-regtest", "--rpcport=1", "-rpcport=2", "-nonamed", "getblock", "-1", "-x=y"]);
        Assert.Equal(["getblock", "-1", "-x=y"], line.Arguments);
        Assert.Equal("2", line.Settings.GetString("rpcport"));
        Assert.True(line.Settings.GetBool("regtest", false));
        Assert.False(line.Settings.GetBool("named", true));
        Assert.False(line.Settings.IsSet("x"));
    }

    [Fact]
    public void TheCommandLineWinsOverTheFileAndTheFileKeepsItsFirstValue()
    {
        using var data = new TempDirectory();
        var conf = data.Combine("faithcoin.conf");
        File.WriteAllText(conf, "rpcuser = bob # who\nrpcuser=carol\nrpcport=1234\ntestnet=1\nnorpcwait=1\n# rpcpassword=x\n\n");
        var line = CommandLine.Parse([$"-datadir={data.Path}", "-rpcport=4321"]);
        var configuration = CliConfiguration.Load(line.Settings, data.Combine("unused-default"));

        Assert.Equal("bob", configuration.Settings.GetString("rpcuser"));
        Assert.Equal("4321", configuration.Settings.GetString("rpcport"));
        Assert.Null(configuration.Settings.GetString("rpcpassword"));
        Assert.False(configuration.Settings.GetBool("rpcwait", true));
        Assert.Equal(CliChain.Test, configuration.Chain);
        Assert.Equal(Path.Combine(data.Path, "testnet4"), configuration.ChainPath);
        Assert.Equal(conf, configuration.ConfigFilePath);
        Assert.Equal(new RpcEndpoint("127.0.0.1", 4321, "/"), RpcEndpoint.From(configuration));
    }

    [Fact]
    public void ChainsUseFaithcoindsPortsAndFolders()
    {
        Assert.Equal(ChainParams.Main.RpcPort, CliChain.Main.RpcPort);
        Assert.Equal(ChainParams.Test.RpcPort, CliChain.Test.RpcPort);
        Assert.Equal(ChainParams.Regtest.RpcPort, CliChain.Regtest.RpcPort);
        Assert.Equal(ChainParams.Main.DataSubfolder, CliChain.Main.DataSubfolder);
        Assert.Equal(ChainParams.Test.DataSubfolder, CliChain.Test.DataSubfolder);
        Assert.Equal(ChainParams.Regtest.DataSubfolder, CliChain.Regtest.DataSubfolder);
        Assert.Equal(ClientVersion.FullVersion, CliUsage.FullVersion);
        Assert.Equal(ClientVersion.PackageName, CliUsage.PackageName);
        Assert.Equal(Faithcoin.Node.Configuration.NodeDefaults.CookieFileName, RpcCredentials.CookieFileName);
        Assert.Equal(Faithcoin.Node.Configuration.NodeDefaults.ConfigFileName, CliDataDirectory.ConfigFileName);
    }

    [Theory]
    [InlineData("127.0.0.1", "127.0.0.1", 19332)]
    [InlineData("10.0.0.1:1234", "10.0.0.1", 1234)]
    [InlineData("[::1]:1234", "::1", 1234)]
    [InlineData("[::1]", "::1", 19332)]
    [InlineData("::1", "::1", 19332)]
    [InlineData("host:0", "host:0", 19332)]
    [InlineData("host:x", "host:x", 19332)]
    public void RpcConnectMayCarryAPort(string text, string host, int port)
    {
        Assert.Equal((host, port), RpcEndpoint.SplitHostPort(text, 19332));
    }

    [Fact]
    public void WalletSelectsTheWalletEndpointAndBadPortsAreRefused()
    {
        using var data = new TempDirectory();
        var wallet = CliConfiguration.Load(CommandLine.Parse([$"-datadir={data.Path}", "-rpcwallet=my wallet"]).Settings, data.Path);
        Assert.Equal("/wallet/my%20wallet", RpcEndpoint.From(wallet).Path);
        Assert.Equal(9332, RpcEndpoint.From(wallet).Port);

        var bad = CliConfiguration.Load(CommandLine.Parse([$"-datadir={data.Path}", "-rpcport=abc"]).Settings, data.Path);
        var e = Assert.Throws<CliConfigurationException>(() => RpcEndpoint.From(bad));
        Assert.Equal("Error: Invalid port in -rpcport: 'abc'", e.Message);
    }

    [Fact]
    public void CredentialsComeFromThePasswordOrTheChainsCookie()
    {
        using var data = new TempDirectory();
        Directory.CreateDirectory(data.Combine("regtest"));
        File.WriteAllText(data.Combine("regtest", ".cookie"), "__cookie__:abc\nignored\n");
        var cookie = CliConfiguration.Load(CommandLine.Parse([$"-datadir={data.Path}", "-regtest"]).Settings, data.Path);
        Assert.Equal("__cookie__:abc", RpcCredentials.Resolve(cookie));

        var password = CliConfiguration.Load(CommandLine.Parse([$"-datadir={data.Path}", "-regtest", "-rpcpassword=pw"]).Settings, data.Path);
        Assert.Equal(":pw", RpcCredentials.Resolve(password));

        var main = CliConfiguration.Load(CommandLine.Parse([$"-datadir={data.Path}"]).Settings, data.Path);
        Assert.Throws<RpcClientException>(() => RpcCredentials.Resolve(main));
    }

    [Fact]
    public void StdinGivesOneArgumentPerLine()
    {
        Assert.Equal(["a", "", "b c"], StdinArguments.Read(new StringReader("a\n\nb c\n")));
        Assert.Equal(["a", "b"], StdinArguments.Read(new StringReader("a\nb")));
        Assert.Empty(StdinArguments.Read(new StringReader(string.Empty)));
    }
}
