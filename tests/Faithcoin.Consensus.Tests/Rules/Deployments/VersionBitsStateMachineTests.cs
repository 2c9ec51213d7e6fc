using Faithcoin.Consensus.Chain;
using Faithcoin.Consensus.Rules.Deployments;
using Faithcoin.Consensus.Tests.Pow;
using Xunit;

namespace Faithcoin.Consensus.Tests.Rules.Deployments;

/// <summary>
/// BIP9 as 0.15's versionbits.cpp, on regtest's 144-block periods with a 108-block threshold: each transition
/// at exactly the threshold, one block short, wrong top bits, start time and timeout against median time past.
/// </summary>
public sealed class VersionBitsStateMachineTests
{
    private const int Period = 144;
    private const int Threshold = 108;
    private const int Plain = 0x20000000;
    private const int CsvSignal = 0x20000001;

    private static ConsensusParams Regtest => ChainParams.Regtest.Consensus;

    [Fact]
    public void DefinedThenStartedThenLockedInThenActiveAtExactlyTheThreshold()
    {
        var chain = FirstPeriod();
        var versionBits = new VersionBitsStateMachine(Regtest, new VersionBitsCache());

        Assert.Equal(ThresholdState.Defined, versionBits.GetState(null, DeploymentId.Csv));
        Assert.Equal(ThresholdState.Defined, versionBits.GetState(chain[142], DeploymentId.Csv));
        Assert.Equal(ThresholdState.Started, versionBits.GetState(chain.Tip, DeploymentId.Csv));
        Assert.Equal(144, versionBits.GetStateSinceHeight(chain.Tip, DeploymentId.Csv));

        AddPeriod(chain, Threshold, CsvSignal);
        Assert.Equal(ThresholdState.Started, versionBits.GetState(chain[286], DeploymentId.Csv));
        Assert.Equal(ThresholdState.LockedIn, versionBits.GetState(chain.Tip, DeploymentId.Csv));
        Assert.Equal(288, versionBits.GetStateSinceHeight(chain.Tip, DeploymentId.Csv));

        AddPeriod(chain, 0, CsvSignal);
        Assert.Equal(ThresholdState.LockedIn, versionBits.GetState(chain[430], DeploymentId.Csv));
        Assert.Equal(ThresholdState.Active, versionBits.GetState(chain.Tip, DeploymentId.Csv));
        Assert.Equal(432, versionBits.GetStateSinceHeight(chain.Tip, DeploymentId.Csv));

        AddPeriod(chain, 0, CsvSignal);
        Assert.Equal(ThresholdState.Active, versionBits.GetState(chain.Tip, DeploymentId.Csv));
        Assert.Equal(432, versionBits.GetStateSinceHeight(chain.Tip, DeploymentId.Csv));
        Assert.Equal(0, versionBits.GetStateSinceHeight(chain[100], DeploymentId.Csv));
    }

    [Fact]
    public void OneSignalShortStaysStarted()
    {
        var chain = FirstPeriod();
        AddPeriod(chain, Threshold - 1, CsvSignal);
        AddPeriod(chain, Threshold - 1, CsvSignal);
        var versionBits = new VersionBitsStateMachine(Regtest, new VersionBitsCache());

        Assert.Equal(ThresholdState.Started, versionBits.GetState(chain.Tip, DeploymentId.Csv));
        Assert.Equal(144, versionBits.GetStateSinceHeight(chain.Tip, DeploymentId.Csv));
    }

    [Theory]
    [InlineData(0x60000001)] // top bits 011
    [InlineData(0x00000001)] // pre-BIP9 version with bit 0 set
    [InlineData(unchecked((int)0xA0000001))]
    public void SignalsNeedTheTopBits001(int version)
    {
        var chain = FirstPeriod();
        AddPeriod(chain, Period, version);
        var versionBits = new VersionBitsStateMachine(Regtest, new VersionBitsCache());

        Assert.Equal(ThresholdState.Started, versionBits.GetState(chain.Tip, DeploymentId.Csv));
    }

    [Fact]
    public void EachDeploymentCountsOnlyItsOwnBit()
    {
        var chain = FirstPeriod();
        AddPeriod(chain, Threshold, 0x20000002); // segwit's bit 1
        var versionBits = new VersionBitsStateMachine(Regtest, new VersionBitsCache());

        Assert.Equal(ThresholdState.Started, versionBits.GetState(chain.Tip, DeploymentId.Csv));
        Assert.Equal(ThresholdState.LockedIn, versionBits.GetState(chain.Tip, DeploymentId.Segwit));
        Assert.Equal(ThresholdState.Started, versionBits.GetState(chain.Tip, DeploymentId.TestDummy));
    }

    [Fact]
    public void SignalsOutsideThePeriodDoNotCount()
    {
        var chain = FirstPeriod(CsvSignal); // the whole first period signals, before counting started
        AddPeriod(chain, Threshold - 1, CsvSignal);
        var versionBits = new VersionBitsStateMachine(Regtest, new VersionBitsCache());

        Assert.Equal(ThresholdState.Started, versionBits.GetState(chain.Tip, DeploymentId.Csv));
    }

    [Fact]
    public void TimeoutBeforeLockInFails()
    {
        var chain = FirstPeriod();
        AddPeriod(chain, Period, CsvSignal);
        var timeout = chain.Tip.GetMedianTimePast();

        // Reaching the timeout wins over full signalling: 0.15 checks the timeout first.
        Assert.Equal(ThresholdState.Failed, StateWithCsvWindow(chain.Tip, 0, timeout));
        Assert.Equal(ThresholdState.LockedIn, StateWithCsvWindow(chain.Tip, 0, timeout + 1));

        AddPeriod(chain, Period, CsvSignal);
        var cache = new VersionBitsCache();
        var failed = new VersionBitsStateMachine(WithCsvWindow(0, timeout), cache);
        Assert.Equal(ThresholdState.Failed, failed.GetState(chain.Tip, DeploymentId.Csv));
        Assert.Equal(288, failed.GetStateSinceHeight(chain.Tip, DeploymentId.Csv));
    }

    [Fact]
    public void StartTimeIsComparedWithMedianTimePast()
    {
        var chain = FirstPeriod();
        AddPeriod(chain, Period, CsvSignal);
        var start = chain.Tip.GetMedianTimePast();

        var versionBits = new VersionBitsStateMachine(WithCsvWindow(start, 999999999999), new VersionBitsCache());
        Assert.Equal(ThresholdState.Defined, versionBits.GetState(chain[143], DeploymentId.Csv));
        Assert.Equal(ThresholdState.Started, versionBits.GetState(chain.Tip, DeploymentId.Csv));
        Assert.Equal(288, versionBits.GetStateSinceHeight(chain.Tip, DeploymentId.Csv));

        Assert.Equal(ThresholdState.Defined, StateWithCsvWindow(chain.Tip, start + 1, 999999999999));
    }

    [Fact]
    public void DefinedGoesStraightToFailedWhenTheTimeoutHasPassed()
    {
        var chain = FirstPeriod();
        AddPeriod(chain, Period, CsvSignal);
        var start = chain[143].GetMedianTimePast() + 1;
        var timeout = chain.Tip.GetMedianTimePast();

        // The timeout is checked before the start time, and reaching it exactly is enough.
        Assert.Equal(ThresholdState.Failed, StateWithCsvWindow(chain.Tip, start, timeout));
        Assert.Equal(ThresholdState.Started, StateWithCsvWindow(chain.Tip, start, timeout + 1));
    }

    [Fact]
    public void StatisticsCountTheCurrentPeriodUpToTheTip()
    {
        var chain = FirstPeriod();
        for (var i = 0; i < 50; i++)
        {
            chain.Add(chain.Tip.Time + 150, chain.Tip.Bits, i < 30 ? CsvSignal : Plain);
        }

        var versionBits = new VersionBitsStateMachine(Regtest, new VersionBitsCache());
        Assert.Equal(new Bip9Statistics(Period, Threshold, 50, 30, true), versionBits.GetStatistics(chain.Tip, DeploymentId.Csv));
        Assert.Equal(new Bip9Statistics(Period, Threshold, 0, 0, true), versionBits.GetStatistics(chain[143], DeploymentId.Csv));
        Assert.Equal(new Bip9Statistics(Period, Threshold, 1, 1, true), versionBits.GetStatistics(chain[144], DeploymentId.Csv));
        Assert.Equal(new Bip9Statistics(Period, Threshold, 0, 0, false), versionBits.GetStatistics(null, DeploymentId.Csv));

        // 37 misses make 108 of 144 unreachable.
        Assert.Equal(new Bip9Statistics(Period, Threshold, 37, 0, false), versionBits.GetStatistics(chain[180], DeploymentId.Segwit));
        Assert.True(versionBits.GetStatistics(chain[179], DeploymentId.Segwit).Possible);
    }

    [Fact]
    public void BlockVersionCarriesStartedAndLockedInBits()
    {
        var chain = FirstPeriod();
        var versionBits = new VersionBitsStateMachine(Regtest, new VersionBitsCache());
        Assert.Equal(0x20000000, versionBits.ComputeBlockVersion(chain[10]));
        Assert.Equal(0x30000003, versionBits.ComputeBlockVersion(chain.Tip));

        AddPeriod(chain, Threshold, CsvSignal);
        Assert.Equal(0x30000003, versionBits.ComputeBlockVersion(chain.Tip)); // csv locked in still signals

        AddPeriod(chain, 0, CsvSignal);
        Assert.Equal(0x30000002, versionBits.ComputeBlockVersion(chain.Tip)); // csv active: bit 0 freed
    }

    [Fact]
    public void CacheIsPerBranchAndCanBeCleared()
    {
        var chain = FirstPeriod();
        var fork = TestChain.ForkAt(chain.Tip, 2);
        AddPeriod(chain, Threshold, CsvSignal);
        AddPeriod(fork, 0, CsvSignal);
        var cache = new VersionBitsCache();
        var versionBits = new VersionBitsStateMachine(Regtest, cache);

        Assert.Equal(ThresholdState.LockedIn, versionBits.GetState(chain.Tip, DeploymentId.Csv));
        Assert.Equal(ThresholdState.Started, versionBits.GetState(fork.Tip, DeploymentId.Csv));
        Assert.Equal(3, cache.For(DeploymentId.Csv).Count); // heights 143, 287 and the fork's 287
        Assert.Equal(0, cache.For(DeploymentId.Segwit).Count);

        cache.Clear();
        Assert.Equal(0, cache.For(DeploymentId.Csv).Count);
        Assert.Equal(ThresholdState.LockedIn, versionBits.GetState(chain.Tip, DeploymentId.Csv));
    }

    [Fact]
    public void CachedStateIsTrustedAsCoreDoes()
    {
        var chain = FirstPeriod();
        AddPeriod(chain, 0, CsvSignal);
        var cache = new VersionBitsCache();
        cache.For(DeploymentId.Csv).Set(chain[143], ThresholdState.LockedIn);

        var versionBits = new VersionBitsStateMachine(Regtest, cache);
        Assert.Equal(ThresholdState.LockedIn, versionBits.GetState(chain[200], DeploymentId.Csv));
        Assert.Equal(ThresholdState.Active, versionBits.GetState(chain.Tip, DeploymentId.Csv));
    }

    [Fact]
    public void MainStartsCountingInItsFirstPeriodBecauseGenesisIsAfterTheStartTime()
    {
        var main = ChainParams.Main.Consensus;
        var chain = TestChain.FromGenesis(ChainParams.Main).ExtendTo(8063, version: Plain);
        var versionBits = new VersionBitsStateMachine(main, new VersionBitsCache());

        Assert.Equal(ThresholdState.Defined, versionBits.GetState(chain[8062], DeploymentId.Segwit));
        Assert.Equal(ThresholdState.Started, versionBits.GetState(chain.Tip, DeploymentId.Segwit));
        Assert.Equal(ThresholdState.Failed, versionBits.GetState(chain.Tip, DeploymentId.TestDummy)); // 2008-only window
        Assert.Equal(new Bip9Statistics(8064, 6048, 0, 0, true), versionBits.GetStatistics(chain.Tip, DeploymentId.Segwit));
    }

    [Fact]
    public void StateNamesAreThoseOfTheRpc()
    {
        Assert.Equal("defined", ThresholdStateNames.Of(ThresholdState.Defined));
        Assert.Equal("started", ThresholdStateNames.Of(ThresholdState.Started));
        Assert.Equal("locked_in", ThresholdStateNames.Of(ThresholdState.LockedIn));
        Assert.Equal("active", ThresholdStateNames.Of(ThresholdState.Active));
        Assert.Equal("failed", ThresholdStateNames.Of(ThresholdState.Failed));
    }

    /// <summary>Regtest from its genesis to height 143, the end of the first period.</summary>
    private static TestChain FirstPeriod(int version = Plain) =>
        TestChain.FromGenesis(ChainParams.Regtest).ExtendTo(Period - 1, version: version);

    private static void AddPeriod(TestChain chain, int signalling, int signalVersion)
    {
        for (var i = 0; i < Period; i++)
        {
            chain.Add(chain.Tip.Time + 150, chain.Tip.Bits, i < signalling ? signalVersion : Plain);
        }
    }

    private static ConsensusParams WithCsvWindow(long start, long timeout) => Regtest with
    {
        Deployments = Regtest.Deployments
            .Select(d => d.Id == DeploymentId.Csv ? d with { StartTime = start, Timeout = timeout } : d)
            .ToArray(),
    };

    private static ThresholdState StateWithCsvWindow(ChainedHeader previous, long start, long timeout) =>
        new VersionBitsStateMachine(WithCsvWindow(start, timeout), new VersionBitsCache()).GetState(previous, DeploymentId.Csv);
}
