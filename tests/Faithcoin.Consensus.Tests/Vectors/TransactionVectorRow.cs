using System.Text.Json;
using NBitcoin;

namespace Faithcoin.Consensus.Tests.Vectors;

/// <summary>One row of tx_valid.json / tx_invalid.json: the spent outputs, the transaction and the flags.</summary>
internal sealed record TransactionVectorRow(Dictionary<OutPoint, TxOut> Prevouts, string TransactionHex, ScriptVerify Flags)
{
    public static TransactionVectorRow Parse(JsonElement row)
    {
        var items = row.EnumerateArray().ToArray();
        var prevouts = new Dictionary<OutPoint, TxOut>();
        foreach (var input in items[0].EnumerateArray())
        {
            var parts = input.EnumerateArray().ToArray();
            var index = parts[1].GetInt64();
            var outpoint = new OutPoint(uint256.Parse(parts[0].GetString()!), unchecked((uint)index));
            var amount = parts.Length > 3 ? parts[3].GetInt64() : 0;
            prevouts[outpoint] = new TxOut(Money.Satoshis(amount), CoreScriptParser.Parse(parts[2].GetString()!));
        }

        return new TransactionVectorRow(prevouts, items[1].GetString()!, CoreFlagParser.Parse(items[2].GetString()!));
    }
}
