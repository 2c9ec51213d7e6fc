using Faithcoin.Consensus.Chain;
using Faithcoin.Node.Configuration;
using Faithcoin.Node.Mempool.Policy;

namespace Faithcoin.Node.Tests.Mempool.Policy;

/// <summary>The relay options with Litecoin 0.15.0's defaults, interactions and error messages.</summary>
public sealed class PolicySettingsBinderTests
{
    private readonly List<string> warnings = [];

    private PolicySettings Bind(ChainParams chain, params string[] argv) =>
        new PolicySettingsBinder(chain).Bind(CommandLineParser.Parse(argv), warnings);

    private PolicySettings Bind(params string[] argv) => Bind(ChainParams.Main, argv);

    private string Refused(params string[] argv) => Assert.Throws<ConfigurationException>(() => Bind(argv)).Message;

    [Fact]
    public void DefaultsAreLitecoin015s()
    {
        var settings = Bind();
        Assert.Equal(new PolicySettings(), settings);
        Assert.True(settings.RequireStandard);
        Assert.Equal(100_000, settings.MinRelayTxFee.SatoshisPerK);
        Assert.Equal(100_000, settings.DustRelayFee.SatoshisPerK);
        Assert.Equal(1_000, settings.IncrementalRelayFee.SatoshisPerK);
        Assert.Equal(10_000_000, settings.MaxTxFee);
        Assert.Equal(83u, settings.MaxDatacarrierBytes);
        Assert.Equal(20u, settings.BytesPerSigOp);
        Assert.Equal((25, 101, 25, 101), (settings.AncestorLimit, settings.AncestorSizeLimitKb, settings.DescendantLimit, settings.DescendantSizeLimitKb));
        Assert.Equal(300_000_000, settings.MaxMempoolBytes);
        Assert.Equal(TimeSpan.FromDays(14), settings.MempoolExpiry);
        Assert.Equal(100, settings.MaxOrphanTransactions);
        Assert.False(settings.EnableReplacement);
        Assert.True(settings.PermitBareMultisig && settings.AcceptDatacarrier);
        Assert.True(settings.WhitelistRelay && settings.WhitelistForceRelay);
        Assert.Empty(warnings);
    }

    [Fact]
    public void TestAndRegtestAcceptNonStandardTransactionsByDefault()
    {
        Assert.False(Bind(ChainParams.Regtest).RequireStandard);
        Assert.False(Bind(ChainParams.Test).RequireStandard);
        Assert.True(Bind(ChainParams.Regtest, "-acceptnonstdtxn=0").RequireStandard);
        Assert.Equal("acceptnonstdtxn is not currently supported for main chain", Refused("-acceptnonstdtxn"));
        Assert.True(Bind("-acceptnonstdtxn=0").RequireStandard);
    }

    [Fact]
    public void OptionsAreRead()
    {
        var settings = Bind(
            "-minrelaytxfee=0.0001", "-dustrelayfee=0.00005", "-incrementalrelayfee=0.00002", "-datacarriersize=40",
            "-nodatacarrier", "-permitbaremultisig=0", "-bytespersigop=0", "-limitancestorcount=5", "-limitancestorsize=50",
            "-limitdescendantcount=6", "-limitdescendantsize=60", "-maxmempool=5", "-mempoolexpiry=1", "-maxorphantx=-5",
            "-mempoolreplacement=1", "-maxtxfee=0.5", "-whitelistrelay=0", "-whitelistforcerelay=0");
        Assert.Equal(
            new PolicySettings
            {
                MinRelayTxFee = new PolicyFeeRate(10_000),
                DustRelayFee = new PolicyFeeRate(5_000),
                IncrementalRelayFee = new PolicyFeeRate(2_000),
                MaxDatacarrierBytes = 40,
                AcceptDatacarrier = false,
                PermitBareMultisig = false,
                BytesPerSigOp = 0,
                AncestorLimit = 5,
                AncestorSizeLimitKb = 50,
                DescendantLimit = 6,
                DescendantSizeLimitKb = 60,
                MaxMempoolBytes = 5_000_000,
                MempoolExpiry = TimeSpan.FromHours(1),
                MaxOrphanTransactions = 0,
                EnableReplacement = true,
                MaxTxFee = 50_000_000,
                WhitelistRelay = false,
                WhitelistForceRelay = false,
            },
            settings);
    }

    [Theory]
    [InlineData("minrelaytxfee", "abc")]
    [InlineData("minrelaytxfee", "0")]
    [InlineData("minrelaytxfee", "-0.001")]
    [InlineData("dustrelayfee", "0")]
    [InlineData("dustrelayfee", "1e-5")]
    [InlineData("incrementalrelayfee", "0.000000001")]
    [InlineData("maxtxfee", "lots")]
    public void MalformedAmountsStopTheStartWithTheOriginalsMessage(string name, string value) =>
        Assert.Equal($"Invalid amount for -{name}=<amount>: '{value}'", Refused($"-{name}={value}"));

    [Fact]
    public void OfSeveralBadValuesTheOneTheOriginalChecksFirstIsReported()
    {
        Assert.Equal("Invalid amount for -incrementalrelayfee=<amount>: 'x'", Refused("-acceptnonstdtxn", "-dustrelayfee=x", "-incrementalrelayfee=x"));
        Assert.Equal("-maxmempool must be at least 5 MB", Refused("-acceptnonstdtxn", "-minrelaytxfee=x", "-maxmempool=1"));
        Assert.Equal("Invalid amount for -dustrelayfee=<amount>: 'x'", Refused("-acceptnonstdtxn", "-dustrelayfee=x"));
    }

    [Fact]
    public void ZeroIncrementalRelayFeeIsAllowed() => Assert.Equal(0, Bind("-incrementalrelayfee=0").IncrementalRelayFee.SatoshisPerK);

    [Fact]
    public void MalformedNumbersAndBooleansNameTheOption()
    {
        Assert.Equal("Invalid value for -maxmempool: 'big' (expected a number) (command line)", Refused("-maxmempool=big"));
        Assert.Equal("Invalid value for -permitbaremultisig: 'yes' (expected 0 or 1) (command line)", Refused("-permitbaremultisig=yes"));
    }

    [Fact]
    public void IncrementalRelayFeeAloneRaisesTheMinimumRelayFee()
    {
        Assert.Equal(200_000, Bind("-incrementalrelayfee=0.002").MinRelayTxFee.SatoshisPerK);
        Assert.Equal("Increasing minrelaytxfee to 0.00200000 LTC/kB to match incrementalrelayfee", Assert.Single(warnings));
        Assert.Equal(1_000, Bind("-incrementalrelayfee=0.002", "-minrelaytxfee=0.00001").MinRelayTxFee.SatoshisPerK);
    }

    [Fact]
    public void TheMempoolMustHoldFortyMaximalDescendantPackages()
    {
        Assert.Equal("-maxmempool must be at least 5 MB", Refused("-maxmempool=4"));
        Assert.Equal("-maxmempool must be at least 5 MB", Refused("-maxmempool=-1"));
        Assert.Equal("-maxmempool must be at least 1 MB", Refused("-maxmempool=0", "-limitdescendantsize=1"));
        Assert.Equal(1_000_000, Bind("-maxmempool=1", "-limitdescendantsize=25").MaxMempoolBytes);
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("0", false)]
    [InlineData("fee", true)]
    [InlineData("fee,other", true)]
    [InlineData("other", false)]
    public void MempoolReplacementTakesABooleanOrAModeList(string value, bool enabled) =>
        Assert.Equal(enabled, Bind($"-mempoolreplacement={value}").EnableReplacement);

    [Fact]
    public void MaxTxFeeMustCoverTheMinimumRelayFee()
    {
        Assert.Equal(100_000, Bind("-maxtxfee=0.001").MaxTxFee);
        Assert.Equal(
            "Invalid amount for -maxtxfee=<amount>: '0.00099999' (must be at least the minrelay fee of 0.00100000 LTC/kB to prevent stuck transactions)",
            Refused("-maxtxfee=0.00099999"));
        Assert.Equal(200_000_000, Bind("-maxtxfee=2").MaxTxFee);
        Assert.Equal("-maxtxfee is set very high! Fees this large could be paid on a single transaction.", Assert.Single(warnings));
    }

    [Fact]
    public void BlocksOnlyTurnsWhitelistRelayOffUnlessGiven()
    {
        Assert.False(Bind("-blocksonly").WhitelistRelay);
        Assert.True(Bind("-blocksonly", "-whitelistrelay").WhitelistRelay);
        Assert.True(Bind("-blocksonly=0").WhitelistRelay);
    }

    [Fact]
    public void AbsurdValuesSaturateInsteadOfOverflowing()
    {
        var settings = Bind("-maxmempool=9223372036854775807", "-mempoolexpiry=9223372036854775807", "-datacarriersize=-1");
        Assert.Equal(long.MaxValue, settings.MaxMempoolBytes);
        Assert.True(settings.MempoolExpiry > TimeSpan.FromDays(3650));
        Assert.Equal(uint.MaxValue, settings.MaxDatacarrierBytes);
    }

    [Fact]
    public void TheBinderNamesTheOptionsItImplements()
    {
        Assert.Contains("minrelaytxfee", PolicySettingsBinder.OptionNames);
        Assert.Equal(19, PolicySettingsBinder.OptionNames.Distinct().Count());
    }
}
