using System.Numerics;
using Faithcoin.Consensus.Chain;
using Faithcoin.Consensus.Pow;
using NBitcoin;
using Xunit;

namespace Faithcoin.Consensus.Tests.Pow;

/// <summary>
/// Litecoin 0.15's retarget and proof-of-work check: the numbers of Litecoin's pow_tests.cpp, then chains built
/// header by header to pin the retarget window, the min-difficulty rule and regtest's fixed difficulty.
/// </summary>
public sealed class DifficultyCalculatorTests
{
    private const uint MainGenesisTime = 1513784917;
    private const uint GenesisBits = 0x1e0ffff0;
    private const uint PowLimitBits = 0x1e0fffff;

    private static ConsensusParams Main => ChainParams.Main.Consensus;

    private static ConsensusParams Test => ChainParams.Test.Consensus;

    private static ConsensusParams Regtest => ChainParams.Regtest.Consensus;

    // Litecoin's pow_tests.cpp (its numbers differ from Bitcoin's: 3.5-day timespan, scrypt powLimit).
    [Theory]
    [InlineData(0x1c0ac141u, 1358378777L, 1358118740L, 0x1c093f8du)] // get_next_work
    [InlineData(0x1e0ffff0u, 1318480354L, 1317972665L, 0x1e0fffffu)] // get_next_work_pow_limit
    [InlineData(0x1b075cf1u, 1401757934L, 1401682934L, 0x1b01d73cu)] // get_next_work_lower_limit_actual
    [InlineData(0x1b015318u, 1464900315L, 1463690315L, 0x1b054c60u)] // get_next_work_upper_limit_actual
    public void LitecoinPowTestVectors(uint lastBits, long lastTime, long firstTime, uint expected)
    {
        Assert.Equal(expected, DifficultyCalculator.CalculateNextWorkRequired(lastBits, lastTime, firstTime, Main));
    }

    [Fact]
    public void ChainedHeaderOverloadUsesTheHeadersTimeAndBits()
    {
        var last = TestChain.Create(null, 1358378777, 0x1c0ac141, 2, uint256.One);
        Assert.Equal(0x1c093f8du, DifficultyCalculator.CalculateNextWorkRequired(last, 1358118740, Main));
    }

    [Fact]
    public void TimespanIsClampedToAQuarterAndFourTimes()
    {
        const uint bits = 0x1c0ac141;
        const long last = 2_000_000_000;
        var quarter = DifficultyCalculator.CalculateNextWorkRequired(bits, last, last - (302400 / 4), Main);
        Assert.Equal(quarter, DifficultyCalculator.CalculateNextWorkRequired(bits, last, last - 1, Main));
        Assert.Equal(quarter, DifficultyCalculator.CalculateNextWorkRequired(bits, last, last + 10_000, Main));
        Assert.NotEqual(quarter, DifficultyCalculator.CalculateNextWorkRequired(bits, last, last - (302400 / 4) - 1000, Main));

        var fourfold = DifficultyCalculator.CalculateNextWorkRequired(bits, last, last - (302400 * 4), Main);
        Assert.Equal(fourfold, DifficultyCalculator.CalculateNextWorkRequired(bits, last, last - (302400 * 40), Main));
        Assert.NotEqual(fourfold, DifficultyCalculator.CalculateNextWorkRequired(bits, last, last - (302400 * 4) + 1000, Main));
    }

    [Fact]
    public void WideTargetIsShiftedSoTheProductDoesNotWrap()
    {
        // powLimit (236 bits) times 4 * 302400 needs 257 bits. Without Litecoin's one-bit shift arith_uint256
        // would wrap and give the much harder 0x1e08850c; with it the result is capped at powLimit.
        Assert.Equal(PowLimitBits, DifficultyCalculator.CalculateNextWorkRequired(PowLimitBits, 302400 * 4, 0, Main));
        Assert.Equal(0x1e0ffffbu, DifficultyCalculator.CalculateNextWorkRequired(PowLimitBits, 302399, 0, Main));
    }

    [Fact]
    public void NarrowerTargetIsNotShiftedAndNotCapped()
    {
        Assert.Equal(0x1e0bfffdu, DifficultyCalculator.CalculateNextWorkRequired(0x1e03ffff, 302400 * 3, 0, Main));
        Assert.Equal(0x1e0ffffcu, DifficultyCalculator.CalculateNextWorkRequired(0x1e03ffff, 302400 * 4, 0, Main));
    }

    [Fact]
    public void FirstRetargetLooksBack2015Blocks()
    {
        var chain = BuildMainChainTo(2015);

        var required = DifficultyCalculator.GetNextWorkRequired(chain.Tip, chain.Tip.Time + 150, Main);

        // Window from block 0: 251500 s; a 2016-block window would have needed block -1 and the 2014-block one
        // from block 1 gives 0x1e0aa7ea. Computed independently with 256-bit integer arithmetic.
        Assert.Equal(0x1e0d4e82u, required);
    }

    [Fact]
    public void LaterRetargetsLookBack2016Blocks()
    {
        var chain = BuildMainChainTo(4031);
        Assert.Equal(0x1e0d4e82u, chain[2016].Bits);
        Assert.Equal(0x1e0d4e82u, chain[4031].Bits);

        var required = DifficultyCalculator.GetNextWorkRequired(chain.Tip, chain.Tip.Time + 150, Main);

        // From block 2015 (307250 s). Starting at block 2016 (Bitcoin's off-by-one) would give 0x1e0d4cd1.
        Assert.Equal(0x1e0d8524u, required);
    }

    [Fact]
    public void MainKeepsBitsBetweenRetargetsEvenAfterALongGap()
    {
        var chain = BuildMainChainTo(2100);
        Assert.Equal(0x1e0d4e82u, DifficultyCalculator.GetNextWorkRequired(chain.Tip, chain.Tip.Time + 100_000, Main));
    }

    [Fact]
    public void TestAllowsMinDifficultyAfterTwoSpacings()
    {
        var chain = TestChain.FromGenesis(1486949366, GenesisBits).ExtendTo(3, bits: 0x1d0fffff);

        Assert.Equal(PowLimitBits, DifficultyCalculator.GetNextWorkRequired(chain.Tip, chain.Tip.Time + 301, Test));
        Assert.Equal(0x1d0fffffu, DifficultyCalculator.GetNextWorkRequired(chain.Tip, chain.Tip.Time + 300, Test));
    }

    [Fact]
    public void TestWalksBackPastMinDifficultyBlocks()
    {
        var chain = TestChain.FromGenesis(1486949366, GenesisBits).ExtendTo(3, bits: 0x1d0fffff);
        chain.Add(chain.Tip.Time + 1000, PowLimitBits);
        chain.Add(chain.Tip.Time + 1000, PowLimitBits);

        Assert.Equal(0x1d0fffffu, DifficultyCalculator.GetNextWorkRequired(chain.Tip, chain.Tip.Time + 10, Test));
    }

    [Fact]
    public void TestWalkStopsAtARetargetBoundary()
    {
        var chain = TestChain.FromGenesis(1486949366, GenesisBits).ExtendTo(2015, bits: 0x1d0fffff);
        chain.Add(chain.Tip.Time + 1000, PowLimitBits); // height 2016, a boundary
        chain.Add(chain.Tip.Time + 1000, PowLimitBits);

        Assert.Equal(PowLimitBits, DifficultyCalculator.GetNextWorkRequired(chain.Tip, chain.Tip.Time + 10, Test));
    }

    [Fact]
    public void TestStillRetargetsAtBoundaryDespiteLongGap()
    {
        var chain = TestChain.FromGenesis(1486949366, GenesisBits).ExtendTo(2015);
        var required = DifficultyCalculator.GetNextWorkRequired(chain.Tip, chain.Tip.Time + 100_000, Test);
        var expected = DifficultyCalculator.CalculateNextWorkRequired(chain.Tip, chain[0].Time, Test);
        Assert.Equal(expected, required);
        Assert.NotEqual(PowLimitBits, required);
    }

    [Fact]
    public void MainWalksNothingBackAndNeverGivesMinDifficulty()
    {
        var chain = TestChain.FromGenesis(MainGenesisTime, GenesisBits).ExtendTo(3, bits: PowLimitBits);
        Assert.Equal(PowLimitBits, DifficultyCalculator.GetNextWorkRequired(chain.Tip, chain.Tip.Time + 10, Main));
        chain.Add(chain.Tip.Time + 150, 0x1d0fffff);
        Assert.Equal(0x1d0fffffu, DifficultyCalculator.GetNextWorkRequired(chain.Tip, chain.Tip.Time + 10_000, Main));
    }

    [Fact]
    public void RegtestDoesNotRetarget()
    {
        var chain = TestChain.FromGenesis(1296688602, 0x207fffff).ExtendTo(2014, spacing: 1);
        chain.Add(chain.Tip.Time + 1, 0x2000ffff);

        // Height 2016 is a boundary and the period took 2015 s, yet regtest keeps the last bits.
        Assert.Equal(0x2000ffffu, DifficultyCalculator.GetNextWorkRequired(chain.Tip, chain.Tip.Time + 1, Regtest));
        Assert.NotEqual(0x2000ffffu, DifficultyCalculator.CalculateNextWorkRequired(chain.Tip, chain[0].Time, Main));
    }

    [Fact]
    public void RegtestAlsoHasTheMinDifficultyRule()
    {
        var chain = TestChain.FromGenesis(1296688602, 0x207fffff).ExtendTo(5, bits: 0x2000ffff);
        Assert.Equal(0x207fffffu, DifficultyCalculator.GetNextWorkRequired(chain.Tip, chain.Tip.Time + 301, Regtest));
        Assert.Equal(0x2000ffffu, DifficultyCalculator.GetNextWorkRequired(chain.Tip, chain.Tip.Time + 300, Regtest));
    }

    [Fact]
    public void PowLimitCompacts()
    {
        Assert.Equal(PowLimitBits, DifficultyCalculator.PowLimitCompact(Main));
        Assert.Equal(PowLimitBits, DifficultyCalculator.PowLimitCompact(Test));
        Assert.Equal(0x207fffffu, DifficultyCalculator.PowLimitCompact(Regtest));
    }

    // pow_tests.cpp CheckProofOfWork_test_* cases.
    [Fact]
    public void NegativeTargetFails()
    {
        var bits = CompactTarget.Encode(CompactTarget.ToBigInteger(Main.PowLimit), negative: true);
        Assert.False(DifficultyCalculator.CheckProofOfWork(uint256.One, bits, Main));
    }

    [Fact]
    public void OverflowTargetFails()
    {
        Assert.False(DifficultyCalculator.CheckProofOfWork(uint256.One, ~0x00800000u, Main));
    }

    [Fact]
    public void TargetEasierThanPowLimitFails()
    {
        var bits = CompactTarget.Encode(CompactTarget.ToBigInteger(Main.PowLimit) * 2);
        Assert.False(DifficultyCalculator.CheckProofOfWork(uint256.One, bits, Main));
        Assert.True(DifficultyCalculator.CheckProofOfWork(uint256.One, bits, Regtest));
    }

    [Fact]
    public void HashAboveTargetFails()
    {
        var limit = CompactTarget.ToBigInteger(Main.PowLimit);
        var bits = CompactTarget.Encode(limit);
        Assert.False(DifficultyCalculator.CheckProofOfWork(CompactTarget.ToUInt256(limit * 2), bits, Main));
    }

    [Fact]
    public void ZeroTargetFails()
    {
        Assert.False(DifficultyCalculator.CheckProofOfWork(uint256.Zero, CompactTarget.Encode(BigInteger.Zero), Main));
    }

    [Fact]
    public void HashEqualToTargetPassesAndOneMoreFails()
    {
        var target = CompactTarget.Decode(GenesisBits);
        Assert.True(DifficultyCalculator.CheckProofOfWork(CompactTarget.ToUInt256(target), GenesisBits, Main));
        Assert.False(DifficultyCalculator.CheckProofOfWork(CompactTarget.ToUInt256(target + 1), GenesisBits, Main));
    }

    [Fact]
    public void MainGenesisScryptHashMeetsItsBits()
    {
        var header = ChainParams.Main.CreateGenesisBlock().Header;
        Assert.True(DifficultyCalculator.CheckProofOfWork(header.GetPoWHash(), header.Bits.ToCompact(), Main));

        header.Nonce++;
        Assert.False(DifficultyCalculator.CheckProofOfWork(header.GetPoWHash(), header.Bits.ToCompact(), Main));
    }

    /// <summary>
    /// Main from the real genesis, every block's bits as the rules require: block h (h >= 1) at
    /// genesis + 50000 + 100h until 2015, then a 5000 s gap and 150 s spacing.
    /// </summary>
    private static TestChain BuildMainChainTo(int height)
    {
        var chain = TestChain.FromGenesis(ChainParams.Main);
        while (chain.Tip.Height < height)
        {
            var next = chain.Tip.Height + 1;
            var time = next switch
            {
                <= 2015 => MainGenesisTime + 50_000 + ((uint)next * 100),
                2016 => chain.Tip.Time + 5000,
                _ => chain.Tip.Time + 150,
            };
            chain.Add(time, DifficultyCalculator.GetNextWorkRequired(chain.Tip, time, Main));
        }

        return chain;
    }
}
