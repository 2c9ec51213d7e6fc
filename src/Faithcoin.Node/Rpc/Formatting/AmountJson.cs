using System.Globalization;
using System.Text.Json.Nodes;
using Faithcoin.Consensus.Chain;

namespace Faithcoin.Node.Rpc.Formatting;

/// <summary>
/// Core's ValueFromAmount: satoshis as coins with exactly eight decimals (sign, quotient, '.', 8-digit remainder),
/// sent as a JSON number so that 50 coins reads 50.00000000 on the wire.
/// </summary>
public static class AmountJson
{
    public static string Format(long amount)
    {
        // Through ulong so that even long.MinValue has a magnitude.
        var magnitude = amount < 0 ? (ulong)(-(amount + 1)) + 1 : (ulong)amount;
        var quotient = magnitude / ConsensusConstants.Coin;
        var remainder = magnitude % ConsensusConstants.Coin;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{(amount < 0 ? "-" : string.Empty)}{quotient}.{remainder:D8}");
    }

    public static JsonNode ToJson(long amount) => JsonNumber.FromText(Format(amount));
}
