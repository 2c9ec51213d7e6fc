using Faithcoin.Consensus.Chain;
using Faithcoin.Consensus.Pow;
using Faithcoin.Consensus.Rules.Headers;
using Faithcoin.Consensus.Tests.Pow;
using Faithcoin.Consensus.Validation;
using NBitcoin;
using Xunit;

namespace Faithcoin.Consensus.Tests.Rules.Headers;

/// <summary>
/// CheckBlockHeader and ContextualCheckBlockHeader of 0.15: each reject reason with its DoS score and reject code,
/// the boundaries of each rule and Core's order when several fail.
/// </summary>
public sealed class HeaderValidatorTests
{
    private const uint GenesisBits = 0x1e0ffff0;
    private const long Now = 1_600_000_000;

    private static ConsensusParams Main => ChainParams.Main.Consensus;

    [Fact]
    public void GenuineMainGenesisHeaderPassesProofOfWork()
    {
        var validator = new HeaderValidator(Main, new FakeBlockIndex());
        Assert.Null(validator.CheckBlockHeader(ChainParams.Main.CreateGenesisBlock().Header));
    }

    [Fact]
    public void WrongNonceIsHighHash()
    {
        var header = ChainParams.Main.CreateGenesisBlock().Header;
        header.Nonce++;
        var error = new HeaderValidator(Main, new FakeBlockIndex()).CheckBlockHeader(header);

        AssertError(error, "high-hash", 50, RejectCode.Invalid);
        Assert.Equal("proof of work failed", error!.Debug);
    }

    [Fact]
    public void ProofOfWorkCanBeSkipped()
    {
        var header = ChainParams.Main.CreateGenesisBlock().Header;
        header.Nonce++;
        Assert.Null(new HeaderValidator(Main, new FakeBlockIndex()).CheckBlockHeader(header, checkProofOfWork: false));
    }

    [Fact]
    public void BitsEasierThanPowLimitIsHighHashEvenWithALowHash()
    {
        var header = ChainParams.Regtest.CreateGenesisBlock().Header; // 0x207fffff, far above main's powLimit
        AssertError(new ProofOfWorkRule().Check(header, Main), "high-hash", 50, RejectCode.Invalid);
    }

    [Fact]
    public void WrongBitsAreBadDiffbits()
    {
        var chain = MainChain(10);
        var validator = new HeaderValidator(Main, new FakeBlockIndex());
        var time = chain.Tip.Time + 150;

        Assert.Null(validator.ContextualCheckBlockHeader(TestChain.NextHeader(chain.Tip, time, GenesisBits), chain.Tip, Now));
        var error = validator.ContextualCheckBlockHeader(TestChain.NextHeader(chain.Tip, time, 0x1e0fffff), chain.Tip, Now);

        AssertError(error, "bad-diffbits", 100, RejectCode.Invalid);
        Assert.Equal("incorrect proof of work", error!.Debug);
    }

    [Fact]
    public void BitsMustMatchTheRetargetAtABoundary()
    {
        var chain = MainChain(2015);
        var time = chain.Tip.Time + 150;
        var required = DifficultyCalculator.GetNextWorkRequired(chain.Tip, time, Main);
        Assert.NotEqual(GenesisBits, required);
        var validator = new HeaderValidator(Main, new FakeBlockIndex());

        Assert.Null(validator.ContextualCheckBlockHeader(TestChain.NextHeader(chain.Tip, time, required), chain.Tip, Now));
        AssertError(
            validator.ContextualCheckBlockHeader(TestChain.NextHeader(chain.Tip, time, GenesisBits), chain.Tip, Now),
            "bad-diffbits",
            100,
            RejectCode.Invalid);
    }

    [Fact]
    public void TimeAtMedianTimePastIsTooOld()
    {
        var chain = MainChain(20);
        var medianTimePast = (uint)chain.Tip.GetMedianTimePast();
        var validator = new HeaderValidator(Main, new FakeBlockIndex());

        var error = validator.ContextualCheckBlockHeader(TestChain.NextHeader(chain.Tip, medianTimePast, GenesisBits), chain.Tip, Now);
        AssertError(error, "time-too-old", 0, RejectCode.Invalid);
        Assert.Equal("block's timestamp is too early", error!.Debug);
        Assert.Null(validator.ContextualCheckBlockHeader(TestChain.NextHeader(chain.Tip, medianTimePast + 1, GenesisBits), chain.Tip, Now));
    }

    [Fact]
    public void TimeMoreThanTwoHoursAheadIsTooNew()
    {
        var chain = MainChain(20);
        var adjustedTime = (long)chain.Tip.Time;
        var validator = new HeaderValidator(Main, new FakeBlockIndex());

        var atLimit = TestChain.NextHeader(chain.Tip, (uint)(adjustedTime + 7200), GenesisBits);
        Assert.Null(validator.ContextualCheckBlockHeader(atLimit, chain.Tip, adjustedTime));

        var beyond = TestChain.NextHeader(chain.Tip, (uint)(adjustedTime + 7201), GenesisBits);
        var error = validator.ContextualCheckBlockHeader(beyond, chain.Tip, adjustedTime);
        AssertError(error, "time-too-new", 0, RejectCode.Invalid);
        Assert.Equal("block timestamp too far in the future", error!.Debug);
    }

    [Theory]
    [InlineData(75, 1, null)]
    [InlineData(76, 3, "bad-version(0x00000003)")]
    [InlineData(76, 1, "bad-version(0x00000001)")]
    [InlineData(76, 4, null)]
    [InlineData(76, 0x20000000, null)]
    [InlineData(76, -1, "bad-version(0xffffffff)")]
    public void TestRejectsObsoleteVersionsFromHeight76(int height, int version, string? reason)
    {
        var context = new HeaderRuleContext(TestChainTo(ChainParams.Test, height - 1).Tip, ChainParams.Test.Consensus, Now, null);
        var header = TestChain.NextHeader(context.Previous, context.Previous.Time + 150, GenesisBits, version);

        var error = new ObsoleteVersionRule().Check(header, context);

        if (reason is null)
        {
            Assert.Null(error);
        }
        else
        {
            AssertError(error, reason, 0, RejectCode.Obsolete);
            Assert.Equal($"rejected nVersion={reason[12..^1]} block", error!.Debug);
        }
    }

    [Theory]
    [InlineData(1250, 2, true)]
    [InlineData(1251, 2, false)]
    [InlineData(1251, 3, true)]
    [InlineData(1350, 3, true)]
    [InlineData(1351, 3, false)]
    [InlineData(1351, 4, true)]
    [InlineData(1351, 1, false)] // BIP34 never activates on regtest, but BIP66 still wants 3
    public void RegtestVersionHeightsFollowBip66AndBip65(int height, int version, bool accepted)
    {
        var regtest = ChainParams.Regtest.Consensus;
        var context = new HeaderRuleContext(TestChainTo(ChainParams.Regtest, height - 1).Tip, regtest, Now, null);
        var header = TestChain.NextHeader(context.Previous, context.Previous.Time + 1, 0x207fffff, version);

        var error = new ObsoleteVersionRule().Check(header, context);

        Assert.Equal(accepted, error is null);
    }

    [Fact]
    public void ForkBelowAKnownCheckpointIsRefused()
    {
        var chain = MainChain(700);
        var checkpointHash = Main.Checkpoints[650];
        var index = new FakeBlockIndex().AddAs(chain[0], Main.GenesisHash).AddAs(chain[650], checkpointHash);
        var validator = new HeaderValidator(Main, index);

        var fork = chain[598];
        var error = validator.ContextualCheckBlockHeader(TestChain.NextHeader(fork, fork.Time + 150, GenesisBits), fork, Now);
        AssertError(error, "bad-fork-prior-to-checkpoint", 100, RejectCode.Checkpoint);

        var atCheckpointHeight = chain[649];
        Assert.Null(validator.ContextualCheckBlockHeader(
            TestChain.NextHeader(atCheckpointHeight, atCheckpointHeight.Time + 150, GenesisBits), atCheckpointHeight, Now));
    }

    [Fact]
    public void CheckpointNotYetInTheIndexConstrainsNothing()
    {
        var chain = MainChain(700);
        var validator = new HeaderValidator(Main, new FakeBlockIndex().AddAs(chain[0], Main.GenesisHash));
        var fork = chain[598];

        Assert.Null(validator.ContextualCheckBlockHeader(TestChain.NextHeader(fork, fork.Time + 150, GenesisBits), fork, Now));
    }

    [Fact]
    public void CheckpointsCanBeDisabled()
    {
        var chain = MainChain(700);
        var index = new FakeBlockIndex().AddAs(chain[650], Main.Checkpoints[650]);
        var validator = new HeaderValidator(Main, index, checkpointsEnabled: false);
        var fork = chain[598];

        Assert.Null(validator.ContextualCheckBlockHeader(TestChain.NextHeader(fork, fork.Time + 150, GenesisBits), fork, Now));
    }

    [Fact]
    public void LastCheckpointIsTheHighestKnownOne()
    {
        var chain = MainChain(700);
        Assert.Null(LastCheckpoint.Find(Main, new FakeBlockIndex()));
        Assert.Same(chain[0], LastCheckpoint.Find(Main, new FakeBlockIndex().AddAs(chain[0], Main.GenesisHash)));

        var both = new FakeBlockIndex().AddAs(chain[0], Main.GenesisHash).AddAs(chain[650], Main.Checkpoints[650]);
        Assert.Same(chain[650], LastCheckpoint.Find(Main, both));
    }

    [Fact]
    public void DiffbitsIsReportedBeforeTheOtherFailures()
    {
        var chain = MainChain(20);
        var validator = new HeaderValidator(Main, new FakeBlockIndex());
        var header = TestChain.NextHeader(chain.Tip, (uint)chain.Tip.GetMedianTimePast(), 0x1d00ffff, 1);

        AssertError(validator.ContextualCheckBlockHeader(header, chain.Tip, Now), "bad-diffbits", 100, RejectCode.Invalid);
    }

    [Fact]
    public void TooOldIsReportedBeforeObsoleteVersion()
    {
        var test = ChainParams.Test.Consensus;
        var chain = TestChainTo(ChainParams.Test, 100);
        var validator = new HeaderValidator(test, new FakeBlockIndex());
        var header = TestChain.NextHeader(chain.Tip, (uint)chain.Tip.GetMedianTimePast(), chain.Tip.Bits, 1);

        AssertError(validator.ContextualCheckBlockHeader(header, chain.Tip, Now), "time-too-old", 0, RejectCode.Invalid);
    }

    [Fact]
    public void ValidateRunsProofOfWorkFirst()
    {
        var chain = MainChain(5);
        var header = TestChain.NextHeader(chain.Tip, chain.Tip.Time + 150, 0x1d00ffff, 1);
        var validator = new HeaderValidator(Main, new FakeBlockIndex());

        AssertError(validator.Validate(header, chain.Tip, Now), "high-hash", 50, RejectCode.Invalid);
        AssertError(validator.Validate(header, chain.Tip, Now, checkProofOfWork: false), "bad-diffbits", 100, RejectCode.Invalid);
    }

    private static TestChain MainChain(int height) =>
        TestChain.FromGenesis(ChainParams.Main).ExtendTo(height, bits: GenesisBits);

    private static TestChain TestChainTo(ChainParams chain, int height) =>
        TestChain.FromGenesis(chain).ExtendTo(height, spacing: 150, version: 4);

    private static void AssertError(ValidationError? error, string reason, int dos, RejectCode code)
    {
        Assert.NotNull(error);
        Assert.Equal(reason, error.Reason);
        Assert.Equal(dos, error.DoS);
        Assert.Equal(code, error.Code);
        Assert.False(error.CorruptionPossible);
    }
}
