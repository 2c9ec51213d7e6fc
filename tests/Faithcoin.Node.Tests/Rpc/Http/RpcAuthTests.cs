using System.Text;
using Faithcoin.Node.Configuration;
using Faithcoin.Node.Rpc.Http;

namespace Faithcoin.Node.Tests.Rpc.Http;

/// <summary>-rpcauth next to the cookie and -rpcuser/-rpcpassword, with hashes computed outside the code under test.</summary>
public sealed class RpcAuthTests : IDisposable
{
    // python3: hmac.new(b"0123456789abcdef", b"wonderland", hashlib.sha256).hexdigest(), and likewise for bob.
    private const string Alice = "alice:0123456789abcdef$a064405a0f460b3fc88b4e8774521f9c87844a246b372501d8eb9cf2c87c29e7";
    private const string Bob = "bob:fedcba9876543210$59be9582febea2220f23dd837988f7a8c82408b5b6c7e9eda7a63f35468e05cf";

    private readonly TempDirectory data = new();

    public void Dispose() => data.Dispose();

    private static string Basic(string userColonPassword) => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(userColonPassword));

    private RpcAuthenticator Authenticator(params string[] args)
    {
        var options = new NodeConfigurationLoader(new NodeOptionsBinder(new OptionCatalog()), data.Path)
            .Load(CommandLineParser.Parse([$"-datadir={data.Path}", "-regtest", .. args]));
        options.DataDirectory.CreateChainFolder();
        var authenticator = new RpcAuthenticator(options, new AuthCookie(options));
        authenticator.Initialize();
        return authenticator;
    }

    [Fact]
    public void EveryRpcAuthEntryAuthenticatesItsUserAlongsideTheCookie()
    {
        var authenticator = Authenticator($"-rpcauth={Alice}", $"-rpcauth={Bob}");
        Assert.True(authenticator.IsAuthorized(Basic("alice:wonderland")));
        Assert.True(authenticator.IsAuthorized(Basic("bob:looking-glass")));
        Assert.True(authenticator.IsAuthorized(Basic(File.ReadAllText(data.Combine("regtest", ".cookie")))));
        authenticator.Shutdown();
    }

    [Fact]
    public void WrongPasswordsAndCrossedUsersAreRefused()
    {
        var authenticator = Authenticator($"-rpcauth={Alice}", $"-rpcauth={Bob}");
        Assert.False(authenticator.IsAuthorized(Basic("alice:looking-glass")));
        Assert.False(authenticator.IsAuthorized(Basic("bob:wonderland")));
        Assert.False(authenticator.IsAuthorized(Basic("carol:wonderland")));
        Assert.False(authenticator.IsAuthorized(Basic("alicewonderland")));
        Assert.False(authenticator.IsAuthorized(Basic("alice:")));
        authenticator.Shutdown();
    }

    [Fact]
    public void RpcAuthWorksWithAPasswordToo()
    {
        var authenticator = Authenticator("-rpcuser=admin", "-rpcpassword=pw", $"-rpcauth={Alice}");
        Assert.True(authenticator.IsAuthorized(Basic("admin:pw")));
        Assert.True(authenticator.IsAuthorized(Basic("alice:wonderland")));
        Assert.False(authenticator.IsAuthorized(Basic("admin:wonderland")));
    }
}
