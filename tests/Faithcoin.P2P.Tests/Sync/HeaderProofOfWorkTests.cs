using Faithcoin.Consensus.Chain;
using Faithcoin.P2P.Protocol.Sync;
using Faithcoin.P2P.Tests.Infrastructure;
using NBitcoin;

namespace Faithcoin.P2P.Tests.Sync;

public sealed class HeaderProofOfWorkTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void BatchedCheckAgreesWithSingleHashesAndStopsAtTheFirstFailure(int threads)
    {
        var headers = RegtestHeaders.Grind(60).Skip(1).ToList();
        var spoiled = Copy(headers);
        while (spoiled[37].CheckProofOfWork())
        {
            spoiled[37].Nonce++;
        }

        var check = new HeaderProofOfWork(ChainParams.Regtest.Consensus, threads);
        var good = check.Check(headers, out var noFailure);
        var bad = check.Check(spoiled, out var failure);

        Assert.Equal(-1, noFailure);
        Assert.Equal(60, good.Count);
        Assert.Equal(headers.Select(h => h.GetHash()), good.Hashes);
        Assert.Equal(37, failure);
        Assert.Equal(37, bad.Count);
        Assert.Equal(spoiled.Take(37).Select(h => h.GetHash()), bad.Hashes);
    }

    [Fact]
    public void BitsAboveThePowLimitFailEvenWithALowHash()
    {
        var header = Copy(RegtestHeaders.Grind(1).Skip(1))[0];
        header.Bits = new Target(0x2100ffff);

        new HeaderProofOfWork(ChainParams.Regtest.Consensus, 1).Check([header], out var failure);

        Assert.Equal(0, failure);
    }

    // Read back through the faithcoin serializer: NBitcoin's Clone would give a plain header with SHA-256 proof of work.
    private static List<BlockHeader> Copy(IEnumerable<BlockHeader> headers) => Payloads.ReadHeaders(Payloads.Headers(headers));
}
