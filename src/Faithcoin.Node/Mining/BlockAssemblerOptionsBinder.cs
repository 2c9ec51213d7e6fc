using Faithcoin.Consensus.Chain;
using Faithcoin.Node.Configuration;
using Faithcoin.Node.Mempool.Policy;

namespace Faithcoin.Node.Mining;

/// <summary>
/// 0.15's DefaultOptions for the block assembler: -blockmaxweight; -blockmaxsize alone limits the weight to four
/// times the size (the serialized-size limit itself is not applied: a block of that weight is within it anyway
/// for standard transactions); -blockmintxfee as an amount per kB; -blockversion where blocks are mined on demand.
/// </summary>
public static class BlockAssemblerOptionsBinder
{
    public static BlockAssemblerOptions Bind(ArgsStore args, ChainParams? chain = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        int? version = null;
        if (chain?.MineBlocksOnDemand == true && args.GetString("blockversion") is { } versionText)
        {
            version = (int)Integer("blockversion", versionText);
        }

        var weight = BlockAssemblerOptions.DefaultMaxWeight;
        if (args.GetString("blockmaxweight") is { } weightText)
        {
            weight = Integer("blockmaxweight", weightText);
        }
        else if (args.GetString("blockmaxsize") is { } sizeText)
        {
            weight = Integer("blockmaxsize", sizeText) * ConsensusConstants.WitnessScaleFactor;
        }

        var minFee = BlockAssemblerOptions.DefaultMinFeePerKilobyte;
        if (args.GetString("blockmintxfee") is { } feeText && !MoneyText.TryParse(feeText, out minFee))
        {
            throw new ConfigurationException($"Invalid amount for -blockmintxfee=<amount>: '{feeText}'");
        }

        return new BlockAssemblerOptions { MaxWeight = weight, MinFeePerKilobyte = minFee, VersionOverride = version };
    }

    private static long Integer(string name, string text) =>
        ArgParsing.TryParseInt64(text, out var value)
            ? value
            : throw new ConfigurationException($"Invalid value for -{name}: '{text}'");
}
