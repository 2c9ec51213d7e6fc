using Faithcoin.Cli.Conversion;
using Faithcoin.Cli.Transport;

namespace Faithcoin.Node.Tests.Cli;

/// <summary>How command-line words become params: 0.15's table decides which are JSON, the rest are strings.</summary>
public sealed class RpcParameterConverterTests
{
    private readonly RpcParameterConverter converter = new(new RpcConvertTable());

    [Fact]
    public void TableArgumentsAreJsonAndOthersStrings()
    {
        Assert.Equal("""[2,"mkHS9ne12qx9pS9VojpwU5xtRd4T7X7ZUt",1000000]""", converter.ConvertPositional("generatetoaddress", ["2", "mkHS9ne12qx9pS9VojpwU5xtRd4T7X7ZUt", "1000000"]));
        Assert.Equal("""["00ff",false]""", converter.ConvertPositional("getblock", ["00ff", "false"]));
        Assert.Equal("""["5"]""", converter.ConvertPositional("getblockcount", ["5"]));
        Assert.Equal("""[{"rules":["segwit"]}]""", converter.ConvertPositional("getblocktemplate", ["""{"rules": ["segwit"]}"""]));
        Assert.Equal("""["1.2.3.4","add",86400,true]""", converter.ConvertPositional("setban", ["1.2.3.4", "add", "86400", "true"]));
        Assert.Equal("[]", converter.ConvertPositional("getblockcount", []));
    }

    [Fact]
    public void JsonArgumentsKeepTheirNumberTextAndAcceptAnyValue()
    {
        Assert.Equal("""["a",0.10000000]""", converter.ConvertPositional("sendtoaddress", ["a", "0.10000000"]));
        Assert.Equal("""["a",1e-8]""", converter.ConvertPositional("sendtoaddress", ["a", "1e-8"]));
        Assert.Equal("""[6,0.95]""", converter.ConvertPositional("estimaterawfee", ["6", "0.95"]));
        Assert.Equal("""["tx",0,-1000]""", converter.ConvertPositional("prioritisetransaction", ["tx", "0", "-1000"]));
        Assert.Equal("""[null,"s",[1,2]]""", converter.ConvertPositional("echojson", ["null", "\"s\"", " [1, 2] "]));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("")]
    [InlineData("1,2")]
    [InlineData("[1")]
    public void AnArgumentThatIsNotOneJsonValueIsRefused(string word)
    {
        var e = Assert.Throws<RpcClientException>(() => converter.ConvertPositional("getblockhash", [word]));
        Assert.Equal("Error parsing JSON:" + word, e.Message);
    }

    [Fact]
    public void NamedArgumentsBecomeAnObjectConvertedByName()
    {
        Assert.Equal("""{"blockhash":"00ff","verbose":false}""", converter.ConvertNamed("getblock", ["blockhash=00ff", "verbose=false"]));
        Assert.Equal("""{"blockhash":"00ff","verbosity":0}""", converter.ConvertNamed("getblock", ["blockhash=00ff", "verbosity=0"]));
        Assert.Equal("""{"height":0,"note":"a=b"}""", converter.ConvertNamed("getblockhash", ["height=0", "note=a=b"]));
        Assert.Equal("""{"address":""}""", converter.ConvertNamed("validateaddress", ["address="]));
        Assert.Equal("{}", converter.ConvertNamed("getblockcount", []));
    }

    [Fact]
    public void ANamedArgumentWithoutEqualsIsRefused()
    {
        var e = Assert.Throws<RpcClientException>(() => converter.ConvertNamed("getblockhash", ["0"]));
        Assert.Equal("No '=' in named argument '0', this needs to be present for every argument (even if it is empty)", e.Message);
    }

    [Fact]
    public void StringArgumentsAreEscapedAsUniValueWritesThem()
    {
        Assert.Equal("[\"a\\\"b\\\\c\\nd€\"]", converter.ConvertPositional("echo", ["a\"b\\c\nd€"]));
    }
}
