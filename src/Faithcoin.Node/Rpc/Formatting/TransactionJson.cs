using System.Text.Json.Nodes;
using Faithcoin.Consensus.Chain;
using NBitcoin;

namespace Faithcoin.Node.Rpc.Formatting;

/// <summary>
/// Core 0.15's TxToUniv (decoderawtransaction, getblock verbosity 2) and getrawtransaction's TxToJSON, field for
/// field: txid, hash, version, size, vsize, locktime, vin, vout, then hex and the block fields.
/// </summary>
public sealed class TransactionJson
{
    private readonly Network network;
    private readonly RpcSerialization serialization;

    public TransactionJson(ChainParams chainParams, RpcSerialization? serialization = null)
    {
        ArgumentNullException.ThrowIfNull(chainParams);
        network = chainParams.Network;
        this.serialization = serialization ?? new RpcSerialization();
    }

    /// <summary>TxToUniv with no block: decoderawtransaction passes includeHex false, getblock true.</summary>
    public JsonObject ToJson(Transaction tx, bool includeHex)
    {
        ArgumentNullException.ThrowIfNull(tx);
        var stripped = tx.GetSerializedSize(TransactionOptions.None);
        var total = tx.GetSerializedSize(TransactionOptions.Witness);
        var weight = (stripped * (ConsensusConstants.WitnessScaleFactor - 1)) + total;
        var entry = new JsonObject
        {
            ["txid"] = tx.GetHash().ToString(),
            ["hash"] = tx.GetWitHash().ToString(),
            ["version"] = unchecked((int)tx.Version),
            ["size"] = total,
            ["vsize"] = (weight + ConsensusConstants.WitnessScaleFactor - 1) / ConsensusConstants.WitnessScaleFactor,
            ["locktime"] = (uint)tx.LockTime,
            ["vin"] = Inputs(tx),
            ["vout"] = Outputs(tx),
        };
        if (includeHex)
        {
            entry["hex"] = serialization.TransactionHex(tx);
        }

        return entry;
    }

    /// <summary>getrawtransaction verbose: TxToUniv with hex, then where the transaction was mined (null: mempool).</summary>
    public JsonObject ToJson(Transaction tx, TransactionLocation? location)
    {
        var entry = ToJson(tx, includeHex: true);
        if (location is null)
        {
            return entry;
        }

        entry["blockhash"] = location.BlockHash.ToString();
        if (location.Confirmations is { } confirmations)
        {
            entry["confirmations"] = confirmations;
        }

        if (location.BlockTime is { } time)
        {
            entry["time"] = time;
            entry["blocktime"] = time;
        }

        return entry;
    }

    private static JsonArray Inputs(Transaction tx)
    {
        var inputs = new JsonArray();
        var coinbase = tx.IsCoinBase;
        foreach (var input in tx.Inputs)
        {
            var scriptSig = input.ScriptSig.ToBytes(true);
            var entry = new JsonObject();
            if (coinbase)
            {
                entry["coinbase"] = Convert.ToHexStringLower(scriptSig);
            }
            else
            {
                entry["txid"] = input.PrevOut.Hash.ToString();
                entry["vout"] = input.PrevOut.N;
                entry["scriptSig"] = new JsonObject
                {
                    ["asm"] = ScriptAsm.ToAsm(scriptSig, attemptSighashDecode: true),
                    ["hex"] = Convert.ToHexStringLower(scriptSig),
                };

                // 0.15 shows the witness of spending inputs only; a coinbase's witness nonce stays hidden.
                var witness = input.WitScript;
                if (witness.PushCount > 0)
                {
                    entry["txinwitness"] = new JsonArray(
                        witness.Pushes.Select(item => (JsonNode?)JsonValue.Create(Convert.ToHexStringLower(item))).ToArray());
                }
            }

            entry["sequence"] = (uint)input.Sequence;
            inputs.Add(entry);
        }

        return inputs;
    }

    private JsonArray Outputs(Transaction tx)
    {
        var outputs = new JsonArray();
        for (var n = 0; n < tx.Outputs.Count; n++)
        {
            var output = tx.Outputs[n];
            outputs.Add(new JsonObject
            {
                ["value"] = AmountJson.ToJson(output.Value.Satoshi),
                ["n"] = n,
                ["scriptPubKey"] = ScriptPubKeyJson.ToJson(output.ScriptPubKey, network),
            });
        }

        return outputs;
    }
}
