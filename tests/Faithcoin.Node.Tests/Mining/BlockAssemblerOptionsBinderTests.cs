using Faithcoin.Node.Configuration;
using Faithcoin.Node.Mining;

namespace Faithcoin.Node.Tests.Mining;

/// <summary>-blockmaxweight, -blockmaxsize and -blockmintxfee as 0.15's DefaultOptions reads them.</summary>
public sealed class BlockAssemblerOptionsBinderTests
{
    [Fact]
    public void DefaultsAreLitecoins()
    {
        var options = BlockAssemblerOptionsBinder.Bind(Args());
        Assert.Equal(3_000_000, options.MaxWeight);
        Assert.Equal(100_000, options.MinFeePerKilobyte);
    }

    [Fact]
    public void BlockMaxSizeAloneLimitsTheWeightToFourTimesItAndWeightWins()
    {
        Assert.Equal(2_000_000, BlockAssemblerOptionsBinder.Bind(Args(("blockmaxsize", "500000"))).MaxWeight);
        Assert.Equal(1_000_000, BlockAssemblerOptionsBinder.Bind(Args(("blockmaxsize", "500000"), ("blockmaxweight", "1000000"))).MaxWeight);
        Assert.Equal(3_996_000, BlockAssemblerOptionsBinder.Bind(Args(("blockmaxweight", "9000000"))).MaxWeight);
    }

    [Fact]
    public void BlockMinTxFeeIsAnAmountPerKilobyte()
    {
        Assert.Equal(2_000, BlockAssemblerOptionsBinder.Bind(Args(("blockmintxfee", "0.00002"))).MinFeePerKilobyte);
        var e = Assert.Throws<ConfigurationException>(() => BlockAssemblerOptionsBinder.Bind(Args(("blockmintxfee", "lots"))));
        Assert.Equal("Invalid amount for -blockmintxfee=<amount>: 'lots'", e.Message);
        Assert.Throws<ConfigurationException>(() => BlockAssemblerOptionsBinder.Bind(Args(("blockmaxweight", "big"))));
    }

    [Fact]
    public void BlockVersionOverridesOnlyWhereBlocksAreMinedOnDemand()
    {
        Assert.Equal(4, BlockAssemblerOptionsBinder.Bind(Args(("blockversion", "4")), Consensus.Chain.ChainParams.Regtest).VersionOverride);
        Assert.Null(BlockAssemblerOptionsBinder.Bind(Args(("blockversion", "4")), Consensus.Chain.ChainParams.Main).VersionOverride);
    }

    private static ArgsStore Args(params (string Name, string Value)[] values)
    {
        var args = new ArgsStore();
        foreach (var (name, value) in values)
        {
            args.AddFromCommandLine(name, value);
        }

        return args;
    }
}
