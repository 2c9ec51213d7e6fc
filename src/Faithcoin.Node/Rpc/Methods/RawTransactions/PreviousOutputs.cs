using System.Text.Json;
using Faithcoin.Node.Rpc.Formatting;
using NBitcoin;

namespace Faithcoin.Node.Rpc.Methods.RawTransactions;

/// <summary>
/// signrawtransaction's coins view: the unspent outputs the transaction's inputs spend, then the prevtxs argument
/// laid over them (checked against a known coin's script; without "amount" the value is 0). With private keys given,
/// P2SH and P2WSH prevtxs must carry their redeemScript, which goes into the key store.
/// </summary>
public sealed class PreviousOutputs
{
    private readonly Dictionary<OutPoint, TxOut> view = [];

    public PreviousOutputs(Transaction transaction, ISpendableCoinSource coins)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(coins);
        foreach (var input in transaction.Inputs)
        {
            if (!view.ContainsKey(input.PrevOut) && coins.FindUnspent(input.PrevOut) is { } coin)
            {
                view[input.PrevOut] = coin;
            }
        }
    }

    public TxOut? Find(OutPoint outpoint) => view.GetValueOrDefault(outpoint);

    public void AddGiven(JsonElement prevTxs, SigningKeyStore? store)
    {
        foreach (var given in prevTxs.EnumerateArray())
        {
            if (given.ValueKind != JsonValueKind.Object)
            {
                throw new RpcException(RpcErrorCode.DeserializationError, "expected object with {\"txid'\",\"vout\",\"scriptPubKey\"}");
            }

            RequireMembers(given, "txid", "vout", "scriptPubKey");
            var txid = JsonArguments.ParseHash(JsonArguments.Member(given, "txid"), "txid");
            var n = JsonArguments.GetInt32(JsonArguments.Member(given, "vout"));
            if (n < 0)
            {
                throw new RpcException(RpcErrorCode.DeserializationError, "vout must be positive");
            }

            var outpoint = new OutPoint(txid, (uint)n);
            var scriptPubKey = JsonArguments.ParseHex(JsonArguments.Member(given, "scriptPubKey"), "scriptPubKey");
            if (view.TryGetValue(outpoint, out var known) && !known.ScriptPubKey.ToBytes(true).AsSpan().SequenceEqual(scriptPubKey))
            {
                throw new RpcException(
                    RpcErrorCode.DeserializationError,
                    "Previous output scriptPubKey mismatch:\n" + ScriptAsm.ToAsm(known.ScriptPubKey.ToBytes(true)) + "\nvs:\n" +
                    ScriptAsm.ToAsm(scriptPubKey));
            }

            var amount = given.TryGetProperty("amount", out var value) ? AmountArgument.Parse(Nullable(value)) : 0;
            view[outpoint] = new TxOut(Money.Satoshis(amount), new Script(scriptPubKey));
            if (store is not null && IsScriptHash(scriptPubKey))
            {
                RequireMembers(given, "txid", "vout", "scriptPubKey", "redeemScript");
                store.AddScript(JsonArguments.ParseHex(JsonArguments.Member(given, "redeemScript"), "redeemScript"));
            }
        }
    }

    /// <summary>RPCTypeCheckObj: each key present with its type, or -3 naming it.</summary>
    private static void RequireMembers(JsonElement given, params string[] names)
    {
        foreach (var name in names)
        {
            var expected = name == "vout" ? JsonValueKind.Number : JsonValueKind.String;
            var actual = JsonArguments.Member(given, name)?.ValueKind ?? JsonValueKind.Null;
            if (actual != expected)
            {
                throw new RpcException(
                    RpcErrorCode.TypeError,
                    $"Expected type {JsonArguments.TypeName(expected)} for {name}, got {JsonArguments.TypeName(actual)}");
            }
        }
    }

    private static bool IsScriptHash(byte[] script) =>
        (script.Length == 23 && script[0] == 0xa9 && script[1] == 0x14 && script[22] == 0x87) ||
        (script.Length == 34 && script[0] == 0x00 && script[1] == 0x20);

    private static JsonElement? Nullable(JsonElement value) => value.ValueKind == JsonValueKind.Null ? null : value;
}
