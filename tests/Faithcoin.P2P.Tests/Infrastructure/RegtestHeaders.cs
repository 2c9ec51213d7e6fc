using Faithcoin.Consensus.Chain;
using NBitcoin;

namespace Faithcoin.P2P.Tests.Infrastructure;

/// <summary>
/// Regtest header chains. <see cref="Grind"/> mines real scrypt proof of work (0x207fffff needs about two
/// tries a header, slow in a Debug build), for headers a node must accept; <see cref="Chain2100"/> is a long
/// chain with valid links but no proof of work, for serving getheaders, built once and shared read-only.
/// </summary>
public static class RegtestHeaders
{
    private static readonly Lazy<IReadOnlyList<BlockHeader>> Headers = new(() => Build(2100, mine: false));

    /// <summary>Genesis followed by 2100 linked, unmined headers.</summary>
    public static IReadOnlyList<BlockHeader> Chain2100 => Headers.Value;

    public static IReadOnlyList<BlockHeader> Grind(int count, BlockHeader? after = null, uint timeStep = 150) =>
        Build(count, mine: true, after, timeStep);

    private static List<BlockHeader> Build(int count, bool mine, BlockHeader? after = null, uint timeStep = 150)
    {
        var parameters = ChainParams.Regtest;
        var factory = parameters.Network.Consensus.ConsensusFactory;
        var previous = after ?? parameters.CreateGenesisBlock().Header;
        var result = new List<BlockHeader>(count + 1);
        if (after is null)
        {
            result.Add(previous);
        }

        for (var i = 0; i < count; i++)
        {
            var header = factory.CreateBlockHeader();
            header.Version = 0x20000000;
            header.HashPrevBlock = previous.GetHash();
            header.HashMerkleRoot = new uint256((ulong)(i + 1) + ((ulong)timeStep << 40));
            header.BlockTime = previous.BlockTime + TimeSpan.FromSeconds(timeStep);
            header.Bits = new Target(0x207fffff);
            header.Nonce = 0;
            while (mine && !header.CheckProofOfWork())
            {
                header.Nonce++;
            }

            result.Add(header);
            previous = header;
        }

        return result;
    }
}
