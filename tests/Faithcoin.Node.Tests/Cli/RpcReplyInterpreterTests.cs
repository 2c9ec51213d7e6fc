using Faithcoin.Cli;
using Faithcoin.Cli.Transport;

namespace Faithcoin.Node.Tests.Cli;

/// <summary>What the client prints for each kind of reply body, and with which exit code.</summary>
public sealed class RpcReplyInterpreterTests
{
    [Fact]
    public void ResultsPrintByKind()
    {
        Assert.Equal(new CliOutcome("abc", 0), RpcReplyInterpreter.Interpret("""{"result":"abc","error":null,"id":1}""", false));
        Assert.Equal(new CliOutcome(string.Empty, 0), RpcReplyInterpreter.Interpret("""{"result":null,"error":null,"id":1}""", false));
        Assert.Equal(new CliOutcome("1.50000000", 0), RpcReplyInterpreter.Interpret("""{"result":1.50000000,"error":null,"id":1}""", false));
        Assert.Equal(new CliOutcome("{\n  \"a\": false\n}", 0), RpcReplyInterpreter.Interpret("""{"result":{"a":false},"error":null,"id":1}""", false));
    }

    [Fact]
    public void ErrorsPrintCodeAndMessageAndExitWithTheAbsoluteCode()
    {
        Assert.Equal(
            new CliOutcome("error code: -5\nerror message:\nBlock not found", 5),
            RpcReplyInterpreter.Interpret("""{"result":null,"error":{"code":-5,"message":"Block not found"},"id":1}""", false));
        Assert.Equal(
            new CliOutcome("error code: -28\nerror message:\nLoading block index...", 28),
            RpcReplyInterpreter.Interpret("""{"result":null,"error":{"code":-28,"message":"Loading block index..."},"id":1}""", false));
    }

    [Fact]
    public void WarmupWhileWaitingIsAConnectionFailure()
    {
        Assert.Throws<RpcConnectionFailedException>(
            () => RpcReplyInterpreter.Interpret("""{"result":null,"error":{"code":-28,"message":"Loading"},"id":1}""", true));
    }

    [Theory]
    [InlineData("not json", "couldn't parse reply from server")]
    [InlineData("[1]", "JSON value is not an object as expected")]
    [InlineData("{}", "expected reply to have result, error and id properties")]
    [InlineData("""{"error":"bad"}""", "JSON value is not an integer as expected")]
    public void MalformedRepliesAreClientErrors(string body, string message)
    {
        var e = Assert.Throws<RpcClientException>(() => RpcReplyInterpreter.Interpret(body, false));
        Assert.Equal(message, e.Message);
    }
}
