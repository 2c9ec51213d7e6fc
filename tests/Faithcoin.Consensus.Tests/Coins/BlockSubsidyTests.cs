using Faithcoin.Consensus.Rules.Blocks;
using Xunit;

namespace Faithcoin.Consensus.Tests.Coins;

public sealed class BlockSubsidyTests
{
    [Theory]
    [InlineData(0, 840000, 5_000_000_000L)]
    [InlineData(839_999, 840000, 5_000_000_000L)]
    [InlineData(840_000, 840000, 2_500_000_000L)]
    [InlineData(149, 150, 5_000_000_000L)]
    [InlineData(150, 150, 2_500_000_000L)]
    [InlineData(150 * 33, 150, 0L)]
    [InlineData(150 * 63, 150, 0L)]
    [InlineData(150 * 64, 150, 0L)]
    [InlineData(150 * 1000, 150, 0L)]
    public void Subsidy_halves_every_interval_and_ends_after_64_halvings(int height, int interval, long expected) =>
        Assert.Equal(expected, BlockSubsidy.At(height, interval));

    [Fact]
    public void Total_supply_on_main_stays_below_84_million_coins()
    {
        long total = 0;
        for (var halving = 0; halving < 64; halving++)
        {
            total += BlockSubsidy.At(halving * 840_000, 840_000) * 840_000;
        }

        Assert.True(total <= Faithcoin.Consensus.Chain.ConsensusConstants.MaxMoney);
    }
}
