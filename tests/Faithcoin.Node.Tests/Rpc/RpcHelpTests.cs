namespace Faithcoin.Node.Tests.Rpc;

public sealed class RpcHelpTests : IDisposable
{
    private readonly RpcTestServices rpc = new();

    public void Dispose() => rpc.Dispose();

    [Fact]
    public void ListsSynopsesByCategoryInTheOriginalLayout()
    {
        Assert.Equal(
            "== Blockchain ==\n" +
            "getbestblockhash\n" +
            "getblockchaininfo\n" +
            "getblockcount\n" +
            "getblockhash height\n" +
            "\n" +
            "== Control ==\n" +
            "help ( \"command\" )\n" +
            "stop\n" +
            "uptime",
            rpc.Table.Help(string.Empty));
    }

    [Fact]
    public void GivesOneMethodsFullText()
    {
        var text = rpc.Table.Help("getblockhash");
        Assert.StartsWith("getblockhash height\n\nReturns hash of block", text, StringComparison.Ordinal);
        Assert.Contains("> faithcoin-cli getblockhash 1000", text, StringComparison.Ordinal);
    }

    [Fact]
    public void SaysWhenACommandIsUnknown() =>
        Assert.Equal("help: unknown command: frob", rpc.Table.Help("frob"));

    [Fact]
    public async Task TheHelpMethodUsesTheTable()
    {
        var (_, reply) = await rpc.PostAsync("""{"method":"help","params":["stop"],"id":1}""");
        Assert.Equal("stop\n\nStop Faithcoin server.", reply.GetProperty("result").GetString());
    }
}
