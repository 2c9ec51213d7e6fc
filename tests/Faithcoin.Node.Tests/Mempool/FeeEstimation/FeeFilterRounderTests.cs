using Faithcoin.Node.Mempool.FeeEstimation;

namespace Faithcoin.Node.Tests.Mempool.FeeEstimation;

/// <summary>feefilter quantization: steps of 1.1 from half the incremental fee, rounding down two times in three.</summary>
public sealed class FeeFilterRounderTests
{
    [Fact]
    public void StepsStartAtHalfTheIncrementalFeeAndGrowBy1Point1()
    {
        var rounder = new FeeFilterRounder(100_000, new Random(1));
        Assert.Equal(0, rounder.Steps[0]);
        Assert.Equal(50_000, rounder.Steps[1]);
        Assert.Equal(55_000, rounder.Steps[2], 6);
        Assert.True(rounder.Steps[^1] <= 1e7);
        Assert.True(rounder.Steps[^1] * 1.1 > 1e7);

        // A zero incremental fee still starts at 1 satoshi.
        Assert.Equal(1, new FeeFilterRounder(0, new Random(1)).Steps[1]);
    }

    [Fact]
    public void ValuesRoundToTheStepAboveOrBelow()
    {
        var rounder = new FeeFilterRounder(1000, new Random(42));
        Assert.Equal(0, rounder.Round(0));
        Assert.Equal((long)rounder.Steps[^1], rounder.Round(50_000_000));

        var outcomes = Enumerable.Range(0, 300).Select(_ => rounder.Round(700)).ToList();
        var above = (long)rounder.Steps.First(s => s >= 700);
        var below = (long)rounder.Steps.Last(s => s < 700);
        Assert.All(outcomes, o => Assert.True(o == above || o == below, o.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        // Down about two times in three.
        Assert.InRange(outcomes.Count(o => o == below), 160, 240);
    }
}
