using System.Globalization;
using Xunit.Abstractions;

namespace Faithcoin.Packaging.Tests;

/// <summary>
/// The container images, built and run for real by docker/build-and-test.sh (FAITHCOIN_PACKAGING_TESTS=1): each
/// image ships faithcoind and faithcoin-cli without a shell, answers RPC, accepts a 0.15 peer's version handshake on
/// 9666, mines with generatetoaddress, imports the original daemon's chain, stops on SIGTERM with exit code 0 and
/// keeps its chain across a restart on the same volume.
/// </summary>
public sealed class DockerImageTests(DockerImageRun images, ITestOutputHelper output) : IClassFixture<DockerImageRun>
{
    [DockerImageFact]
    public void ScriptSucceedsWithoutSkippingAnyStep()
    {
        output.WriteLine(images.Run.Output);
        images.Run.AssertSucceeded();
        images.Run.AssertNothingSkipped();
        images.Run.Line(@"docker build-and-test: OK$");
    }

    [DockerImageFact]
    public void EachImageShipsTheDaemonAndTheCliWithoutAShell()
    {
        foreach (var arch in images.Arches)
        {
            images.Run.Line($@"built faithcoind:\S+-{arch} in \d+ s: \d+ MiB, linux/{arch} user=1654:1654 ");
            images.Run.Line($@"{arch} image: faithcoind, faithcoin-cli and librocksdb.so in /opt/faithcoin; no shell");
        }
    }

    [DockerImageFact]
    public void EachContainerServesRpcP2pAndMining()
    {
        foreach (var arch in images.Arches)
        {
            images.Run.Line($@"{arch} container: docker run to first RPC answer in \d+ ms");
            images.Run.Line($@"{arch} container: P2P listening on 9666$");
            images.Run.Line($@"{arch} container: version handshake: protocol 70015, .* ping answered$");
            images.Run.Line($@"{arch} container: generatetoaddress mined 5 regtest blocks$");
            var count = images.Run.Line($@"{arch} container: faithcoin-cli getblockcount -> (\d+)$");
            Assert.True(int.Parse(count.Groups[1].Value, CultureInfo.InvariantCulture) >= 5);
        }
    }

    [DockerImageFact]
    public void EachContainerImportsStopsCleanlyAndKeepsItsChain()
    {
        foreach (var arch in images.Arches)
        {
            images.Run.Line($@"{arch} container: -loadblock imported [1-9]\d* blocks");
            images.Run.Line($@"{arch} container: docker stop \(SIGTERM\) -> exit 0 in \d+ ms");
            images.Run.Line($@"{arch} container: restart on the same volume in \d+ ms, height [1-9]\d* kept, stopped with exit 0");
        }
    }

    [DockerImageFact]
    public void PrintsSizeAndStartTimeOfEachImage()
    {
        foreach (var arch in images.Arches)
        {
            var figures = images.Run.Line($@"^image faithcoind:\S+-{arch} +(\d+) MiB +built in +\d+ s +start +(\d+) ms");
            var mebibytes = int.Parse(figures.Groups[1].Value, CultureInfo.InvariantCulture);
            Assert.InRange(mebibytes, 20, 400);
        }
    }
}
