using Faithcoin.Node.Configuration;

namespace Faithcoin.Node.Tests.Configuration;

public sealed class ConfigFileReaderTests
{
    private static ArgsStore Read(string text, ArgsStore? store = null)
    {
        store ??= new ArgsStore();
        ConfigFileReader.ReadInto(store, "faithcoin.conf", new StringReader(text));
        return store;
    }

    [Fact]
    public void ReadsNameValueLinesSkippingCommentsAndBlanks()
    {
        var args = Read("# a comment\n\n  rpcuser = alice  \nrpcpassword=secret # trailing\nregtest=1\n");
        Assert.Equal("alice", args.GetString("rpcuser"));
        Assert.Equal("secret", args.GetString("rpcpassword"));
        Assert.Equal("1", args.GetString("regtest"));
    }

    [Fact]
    public void HashStartsACommentEvenInsideAValueAsInTheOriginal()
    {
        Assert.Equal("abc", Read("rpcpassword=abc#def").GetString("rpcpassword"));
    }

    [Fact]
    public void NoPrefixNegatesInTheFileToo()
    {
        Assert.Equal("0", Read("noserver=1").GetString("server"));
    }

    [Fact]
    public void CommandLineWinsOverTheFile()
    {
        var args = CommandLineParser.Parse(["-rpcport=1111"]);
        Read("rpcport=2222\nrpcuser=bob", args);
        Assert.Equal("1111", args.GetString("rpcport"));
        Assert.Equal("bob", args.GetString("rpcuser"));
    }

    [Fact]
    public void FirstValueInTheFileWins()
    {
        Assert.Equal("1", Read("rpcport=1\nrpcport=2").GetString("rpcport"));
    }

    [Fact]
    public void MultiValueOptionsAccumulateAcrossCommandLineAndFile()
    {
        var args = CommandLineParser.Parse(["-rpcallowip=10.0.0.1"]);
        Read("rpcallowip=10.0.0.2\nrpcallowip=10.0.0.3", args);
        Assert.Equal(["10.0.0.1", "10.0.0.2", "10.0.0.3"], args.GetAll("rpcallowip").Select(a => a.Value));
    }

    [Fact]
    public void ValuesRememberTheirFileAndLine()
    {
        var args = Read("\n\nrpcport=abc");
        Assert.Equal("faithcoin.conf:3", args.Get("rpcport")!.Source.ToString());
    }

    [Theory]
    [InlineData("rpcuser=a\njunk line\n", "faithcoin.conf:2")]
    [InlineData("[main]\nrpcport=1", "faithcoin.conf:1")]
    [InlineData("=1", "faithcoin.conf:1")]
    [InlineData("\n-rpcport=1", "faithcoin.conf:2")]
    public void MalformedLinesAreReportedWithFileAndLine(string text, string location)
    {
        var e = Assert.Throws<ConfigurationException>(() => Read(text));
        Assert.StartsWith(location + ":", e.Message, StringComparison.Ordinal);
    }
}
