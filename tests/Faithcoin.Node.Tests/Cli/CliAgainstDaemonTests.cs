using System.Text.Json;
using Faithcoin.Node.Tests.EndToEnd;

namespace Faithcoin.Node.Tests.Cli;

/// <summary>
/// The real faithcoin-cli against one real regtest faithcoind that uses cookie authentication: the client finds
/// the port in faithcoin.conf and the cookie in the regtest folder, with nothing but -datadir given.
/// </summary>
[Collection(DaemonCollection.Name)]
public sealed class CliAgainstDaemonTests(CookieDaemonFixture fixture) : IClassFixture<CookieDaemonFixture>
{
    // Written out so the tests do not trust the code under test (docs/faithcoin-chain.md; a regtest P2PKH address).
    private const string RegtestGenesis = "2f2a3df80323d97e3fc6700da36761482389e5f8982ed2e0425420479e36928d";
    private const string Address = "mkHS9ne12qx9pS9VojpwU5xtRd4T7X7ZUt";

    private Task<CliRun> Cli(params string[] args) => CliProcess.RunAsync([fixture.DataDirArg, .. args]);

    private async Task<JsonElement> ServerResultAsync(string method, string parameters)
    {
        var (_, reply) = await fixture.Daemon.CallAsync($$"""{"method":"{{method}}","params":[{{parameters}}],"id":1}""", fixture.Cookie);
        return reply.GetProperty("result");
    }

    private static void AssertSuccess(CliRun run, string expectedStdout)
    {
        Assert.Equal(string.Empty, run.Stderr);
        Assert.Equal(expectedStdout, run.Stdout);
        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public async Task StringAndNumberResultsPrintRawWithCookieAuth()
    {
        AssertSuccess(await Cli("getblockhash", "0"), RegtestGenesis + "\n");
        var count = (await ServerResultAsync("getblockcount", string.Empty)).GetInt32();
        AssertSuccess(await Cli("getblockcount"), $"{count}\n");
    }

    [Fact]
    public async Task NamedArgumentsAreSentAsAnObjectWithConversion()
    {
        AssertSuccess(await Cli("-named", "getblockhash", "height=0"), RegtestGenesis + "\n");
        var header = await ServerResultAsync("getblockheader", $"\"{RegtestGenesis}\", false");
        AssertSuccess(await Cli("-named", "getblockheader", $"blockhash={RegtestGenesis}", "verbose=false"), header.GetString() + "\n");

        var missing = await Cli("-named", "getblockhash", "0");
        Assert.Equal(
            "error: No '=' in named argument '0', this needs to be present for every argument (even if it is empty)\n",
            missing.Stderr);
        Assert.Equal(1, missing.ExitCode);
    }

    [Fact]
    public async Task StdinSuppliesExtraArgumentsOnePerLine()
    {
        AssertSuccess(await CliProcess.RunAsync("0\n", TimeSpan.FromSeconds(30), fixture.DataDirArg, "-stdin", "getblockhash"), RegtestGenesis + "\n");
        AssertSuccess(await CliProcess.RunAsync("getblockhash\n0", TimeSpan.FromSeconds(30), fixture.DataDirArg, "-stdin"), RegtestGenesis + "\n");
    }

    [Fact]
    public async Task JsonParametersAreConvertedAndResultsPrettyPrinted()
    {
        var before = (await ServerResultAsync("getblockcount", string.Empty)).GetInt32();
        var generated = await Cli("generatetoaddress", "2", Address);
        Assert.Equal(0, generated.ExitCode);
        var hashes = (await ServerResultAsync("getblockhash", $"{before + 1}")).GetString() + "," +
                     (await ServerResultAsync("getblockhash", $"{before + 2}")).GetString();
        var expected = hashes.Split(',');
        Assert.Equal($"[\n  \"{expected[0]}\",\n  \"{expected[1]}\"\n]\n", generated.Stdout);

        // "false" reaches the server as a JSON boolean: as the string "false" it would be a type error.
        var raw = await ServerResultAsync("getblock", $"\"{expected[1]}\", false");
        AssertSuccess(await Cli("getblock", expected[1], "false"), raw.GetString() + "\n");

        var block = await ServerResultAsync("getblock", $"\"{expected[1]}\"");
        var pretty = await Cli("getblock", expected[1]);
        Assert.Equal(0, pretty.ExitCode);
        Assert.StartsWith($"{{\n  \"hash\": \"{expected[1]}\",\n", pretty.Stdout, StringComparison.Ordinal);
        Assert.Contains($"\n  \"tx\": [\n    \"{block.GetProperty("tx")[0].GetString()}\"\n  ],\n", pretty.Stdout, StringComparison.Ordinal);
        Assert.Contains($"\n  \"difficulty\": {block.GetProperty("difficulty").GetRawText()},\n", pretty.Stdout, StringComparison.Ordinal);
        Assert.EndsWith("\n}\n", pretty.Stdout, StringComparison.Ordinal);
        // One line per member, two more for the one-element "tx" array, the braces, and the empty rest after "\n".
        Assert.Equal(block.EnumerateObject().Count() + 5, pretty.Stdout.Split('\n').Length);
    }

    [Fact]
    public async Task MultiLineAndNonAsciiStringsPrintRawAsUtf8()
    {
        var help = await ServerResultAsync("help", "\"getblockcount\"");
        Assert.Contains('\n', help.GetString()!);
        AssertSuccess(await Cli("help", "getblockcount"), help.GetString() + "\n");

        var unknown = await ServerResultAsync("help", "\"nosuch\u20ac\"");
        Assert.Contains("nosuch€", unknown.GetString()!, StringComparison.Ordinal);
        AssertSuccess(await Cli("help", "nosuch€"), unknown.GetString() + "\n");
    }

    [Fact]
    public async Task EmptyArrayAndNullResultsPrintAsTheOriginal()
    {
        AssertSuccess(await Cli("getpeerinfo"), "[\n]\n");
        AssertSuccess(await Cli("ping"), string.Empty);
    }

    [Fact]
    public async Task RpcErrorsPrintCodeAndMessageAndExitWithTheCode()
    {
        var unknown = await Cli("nosuchmethod");
        Assert.Equal(string.Empty, unknown.Stdout);
        Assert.Equal("error code: -32601\nerror message:\nMethod not found\n", unknown.Stderr);
        Assert.Equal(32601 & 0xFF, unknown.ExitCode);

        var range = await Cli("getblockhash", "100000");
        Assert.Equal("error code: -8\nerror message:\nBlock height out of range\n", range.Stderr);
        Assert.Equal(8, range.ExitCode);

        var notJson = await Cli("getblockhash", "abc");
        Assert.Equal("error: Error parsing JSON:abc\n", notJson.Stderr);
        Assert.Equal(1, notJson.ExitCode);
    }

    [Fact]
    public async Task WrongOrMissingCredentialsFailWithTheOriginalMessages()
    {
        var wrong = await Cli("-rpcuser=someone", "-rpcpassword=wrong", "getblockcount");
        Assert.Equal("error: incorrect rpcuser or rpcpassword (authorization failed)\n", wrong.Stderr);
        Assert.Equal(1, wrong.ExitCode);

        var noCookie = await Cli("-rpccookiefile=does-not-exist", "getblockcount");
        Assert.StartsWith("error: Could not locate RPC credentials.", noCookie.Stderr, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(fixture.DataDir, "faithcoin.conf"), noCookie.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, noCookie.ExitCode);

        AssertSuccess(await Cli($"-rpccookiefile={fixture.CookiePath}", "getblockhash", "0"), RegtestGenesis + "\n");
    }

    [Fact]
    public async Task CommandLinePortWinsOverTheConfFile()
    {
        var refused = await Cli($"-rpcport={DaemonProcess.FreePort()}", "getblockcount");
        Assert.Equal(string.Empty, refused.Stdout);
        Assert.StartsWith("error: couldn't connect to server: ", refused.Stderr, StringComparison.Ordinal);
        Assert.Contains("(make sure server is running and you are connecting to the correct RPC port)", refused.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, refused.ExitCode);

        AssertSuccess(await Cli($"-rpcconnect=127.0.0.1:{fixture.RpcPort}", "-rpcport=" + fixture.RpcPort, "getblockhash", "0"), RegtestGenesis + "\n");
    }
}
