using Faithcoin.Node.Configuration;

namespace Faithcoin.Packaging.Tests;

/// <summary>
/// The faithcoin.conf files that ship (the repository root's default for a Pi or a 512 MiB container, and the
/// Kubernetes ConfigMaps) go through faithcoind's own loader: every active line must be an option the daemon
/// knows, with a value it accepts, and no file may carry a password.
/// </summary>
public sealed class ShippedConfigurationTests : IDisposable
{
    /// <summary>Options of features being written now, named in the packaging on purpose.</summary>
    private static readonly HashSet<string> PendingOptions = new(StringComparer.Ordinal)
    {
        "proxyprotocol", // P2P issue: trust PROXY protocol headers from the ingress's range.
    };

    private readonly string dataDirectory = Directory.CreateTempSubdirectory("faithcoin-packaging-").FullName;

    public static TheoryData<string> ShippedFiles => new()
    {
        "faithcoin.conf",
        "k8s/app/faithcoin.conf",
        "k8s/overlays/statefulset/faithcoin.conf",
    };

    [Theory]
    [MemberData(nameof(ShippedFiles))]
    public void LoadsWithTheDaemonsOwnConfigurationLoader(string relativePath)
    {
        var path = RepositoryPaths.Combine(relativePath.Split('/'));
        var args = CommandLineParser.Parse([$"-datadir={dataDirectory}", $"-conf={path}"]);
        var loader = new NodeConfigurationLoader(new NodeOptionsBinder(new OptionCatalog()), Path.Combine(dataDirectory, "home"));

        var options = loader.Load(args);

        Assert.True(options.ConfigFileFound);
        Assert.Equal(Faithcoin.Consensus.Chain.FaithcoinChain.Main, options.Chain.Chain);
        var unknown = options.UnknownOptions.Select(o => o.Name).Where(n => !PendingOptions.Contains(n)).ToArray();
        Assert.True(unknown.Length == 0, $"{relativePath}: names faithcoind does not know: {string.Join(", ", unknown)}");
        Assert.Equal(9666, options.Port);
        Assert.True(options.Server);
    }

    [Theory]
    [MemberData(nameof(ShippedFiles))]
    public void CarriesNoPassword(string relativePath)
    {
        var active = ActiveLines(relativePath);

        Assert.DoesNotContain(active, line => line.StartsWith("rpcpassword=", StringComparison.Ordinal));
        Assert.DoesNotContain(active, line => line.StartsWith("rpcuser=", StringComparison.Ordinal));
        Assert.DoesNotContain(active, line => line.StartsWith("rpcauth=", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ShippedFiles))]
    public void IsSizedForFiveHundredTwelveMebibytes(string relativePath)
    {
        var values = ActiveLines(relativePath)
            .Select(line => line.Split('=', 2))
            .GroupBy(parts => parts[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First()[1], StringComparer.Ordinal);

        // dbcache + maxmempool stay far below the 512 MiB limit, leaving room for the runtime, RocksDB's own
        // memory and peer buffers; fewer connections than the original's 125.
        Assert.True(int.Parse(values["dbcache"], System.Globalization.CultureInfo.InvariantCulture) <= 100);
        Assert.True(int.Parse(values["maxmempool"], System.Globalization.CultureInfo.InvariantCulture) <= 64);
        Assert.True(int.Parse(values["maxconnections"], System.Globalization.CultureInfo.InvariantCulture) <= 40);
    }

    [Fact]
    public void RootConfigurationKeepsRpcOnLoopback()
    {
        var active = ActiveLines("faithcoin.conf");

        Assert.DoesNotContain(active, line => line.StartsWith("rpcallowip=", StringComparison.Ordinal));
        Assert.DoesNotContain(active, line => line.StartsWith("rpcbind=", StringComparison.Ordinal));
    }

    public void Dispose() => Directory.Delete(dataDirectory, recursive: true);

    private static string[] ActiveLines(string relativePath) =>
        File.ReadAllLines(RepositoryPaths.Combine(relativePath.Split('/')))
            .Select(line => (line.IndexOf('#', StringComparison.Ordinal) is var hash and >= 0 ? line[..hash] : line).Trim())
            .Where(line => line.Length > 0)
            .ToArray();
}
