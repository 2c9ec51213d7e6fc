using Faithcoin.Consensus.Chain;

namespace Faithcoin.Consensus.Rules.Blocks;

/// <summary>Core's GetBlockSubsidy: 50 coins, halved every SubsidyHalvingInterval blocks, nothing after 64 halvings.</summary>
public static class BlockSubsidy
{
    public static long At(int height, int halvingInterval)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(height);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(halvingInterval);
        var halvings = height / halvingInterval;

        // A shift by 64 or more is undefined in C++ and wraps in C#; the supply simply ends.
        return halvings >= 64 ? 0 : ConsensusConstants.InitialSubsidy >> halvings;
    }
}
