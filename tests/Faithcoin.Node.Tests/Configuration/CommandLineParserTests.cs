using Faithcoin.Node.Configuration;

namespace Faithcoin.Node.Tests.Configuration;

public sealed class CommandLineParserTests
{
    [Fact]
    public void ReadsNameEqualsValue()
    {
        var args = CommandLineParser.Parse(["-rpcport=1234", "-datadir=/x=y"]);
        Assert.Equal("1234", args.GetString("rpcport"));
        Assert.Equal("/x=y", args.GetString("datadir"));
    }

    [Fact]
    public void BareNameHasEmptyValueWhichReadsAsTrue()
    {
        var args = CommandLineParser.Parse(["-regtest"]);
        Assert.Equal(string.Empty, args.GetString("regtest"));
        Assert.True(NodeOptionsBinder.GetBool(args, "regtest", false));
    }

    [Theory]
    [InlineData("-noserver", "0")]
    [InlineData("-noserver=1", "0")]
    [InlineData("-noserver=0", "1")]
    public void NoPrefixNegates(string word, string expected)
    {
        var args = CommandLineParser.Parse([word]);
        Assert.Equal(expected, args.GetString("server"));
        Assert.False(args.IsSet("noserver"));
    }

    [Fact]
    public void DoubleDashIsTheSameAsSingleDash()
    {
        var args = CommandLineParser.Parse(["--rpcuser=alice", "--testnet"]);
        Assert.Equal("alice", args.GetString("rpcuser"));
        Assert.True(args.IsSet("testnet"));
    }

    [Fact]
    public void LastValueWinsButAllAreKeptForMultiOptions()
    {
        var args = CommandLineParser.Parse(["-rpcallowip=10.0.0.1", "-rpcallowip=10.0.0.2", "-rpcport=1", "-rpcport=2"]);
        Assert.Equal("2", args.GetString("rpcport"));
        Assert.Equal(["10.0.0.1", "10.0.0.2"], args.GetAll("rpcallowip").Select(a => a.Value));
    }

    [Fact]
    public void ParsingStopsAtTheFirstNonOption()
    {
        var args = CommandLineParser.Parse(["-regtest", "getblockcount", "-testnet"]);
        Assert.True(args.IsSet("regtest"));
        Assert.False(args.IsSet("testnet"));
        Assert.Equal(["getblockcount", "-testnet"], args.UnexpectedTokens);
    }

    [Fact]
    public void NegationWithANonNumericValueIsRefused()
    {
        var e = Assert.Throws<ConfigurationException>(() => CommandLineParser.Parse(["-noserver=yes"]));
        Assert.Contains("-noserver", e.Message, StringComparison.Ordinal);
    }
}
