using System.Text.Json;
using System.Text.Json.Nodes;
using Faithcoin.Consensus.Scripting;
using Faithcoin.Node.Rpc.Methods.Util;
using NBitcoin;

namespace Faithcoin.Node.Rpc.Methods.RawTransactions;

/// <summary>
/// signrawtransaction "hexstring" ( prevtxs privkeys sighashtype ) as 0.15 without a wallet: signs with the given
/// keys only (none given: nothing is signed, signatures already present are still merged and checked), merges the
/// signatures of every transaction in the hex, and verifies each input with the standard script flags.
/// </summary>
public sealed class SignRawTransactionMethod(RawTransactionCodec codec, ISpendableCoinSource coins, PrivateKeyDecoder keys) : IRpcMethod
{
    private const int SigHashAll = 1;
    private const int SigHashSingle = 3;
    private const int SigHashAnyoneCanPay = 0x80;

    private static readonly Dictionary<string, int> HashTypes = new(StringComparer.Ordinal)
    {
        ["ALL"] = 1,
        ["ALL|ANYONECANPAY"] = 0x81,
        ["NONE"] = 2,
        ["NONE|ANYONECANPAY"] = 0x82,
        ["SINGLE"] = 3,
        ["SINGLE|ANYONECANPAY"] = 0x83,
    };

    public string Name => "signrawtransaction";

    public RpcCategory Category => RpcCategory.RawTransactions;

    public IReadOnlyList<string> ArgumentNames { get; } = ["hexstring", "prevtxs", "privkeys", "sighashtype"];

    public int MinArguments => 1;

    public int MaxArguments => 4;

    public string Help => SignRawTransactionHelp.Text;

    public ValueTask<JsonNode?> ExecuteAsync(RpcParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        JsonArguments.RequireKind(parameters[0], JsonValueKind.String);
        JsonArguments.RequireKind(parameters[1], JsonValueKind.Array);
        JsonArguments.RequireKind(parameters[2], JsonValueKind.Array);
        JsonArguments.RequireKind(parameters[3], JsonValueKind.String);
        var variants = codec.TryReadSequence(JsonArguments.ParseHex(parameters[0], "argument 1"))
            ?? throw new RpcException(RpcErrorCode.DeserializationError, "TX decode failed");
        if (variants.Count == 0)
        {
            throw new RpcException(RpcErrorCode.DeserializationError, "Missing transaction");
        }

        var merged = variants[0].Clone();
        var view = new PreviousOutputs(merged, coins);
        var store = parameters[2] is { } privateKeys ? KeyStore(privateKeys) : null;
        if (parameters[1] is { } prevTxs)
        {
            view.AddGiven(prevTxs, store);
        }

        var hashType = parameters[3] is null ? SigHashAll : ParseHashType(parameters.GetString(3));
        var hashSingle = (hashType & ~SigHashAnyoneCanPay) == SigHashSingle;
        var constant = merged.Clone();
        var errors = new JsonArray();
        for (var i = 0; i < merged.Inputs.Count; i++)
        {
            var input = merged.Inputs[i];
            if (view.Find(input.PrevOut) is not { } spent)
            {
                errors.Add(InputScripts.Error(input, "Input not found or already spent"));
                continue;
            }

            var scriptPubKey = spent.ScriptPubKey.ToBytes(true);
            var checker = new InputSignatureChecker(constant, i, spent);
            var data = SignatureData.Empty;
            if (!hashSingle || i < merged.Outputs.Count)
            {
                data = new InputSigner(store ?? new SigningKeyStore(), checker, hashType).Produce(scriptPubKey);
            }

            foreach (var variant in variants.Where(v => v.Inputs.Count > i))
            {
                data = SignatureCombiner.Combine(scriptPubKey, checker, data, InputScripts.Read(variant.Inputs[i]));
            }

            InputScripts.Write(input, data);
            var error = new ScriptCheck(merged, i, spent, ScriptFlagSets.Standard, null).Verify(ScriptFlagSets.Standard);
            if (error != ScriptError.OK)
            {
                errors.Add(InputScripts.Error(input, ScriptErrorText.CoreMessage(error)));
            }
        }

        var result = new JsonObject
        {
            ["hex"] = RawTransactionCodec.Encode(merged),
            ["complete"] = errors.Count == 0,
        };
        if (errors.Count > 0)
        {
            result["errors"] = errors;
        }

        return ValueTask.FromResult<JsonNode?>(result);
    }

    private SigningKeyStore KeyStore(JsonElement privateKeys)
    {
        var store = new SigningKeyStore();
        foreach (var key in privateKeys.EnumerateArray())
        {
            store.AddKey(keys.Decode(JsonArguments.GetString(key)));
        }

        return store;
    }

    private static int ParseHashType(string name) =>
        HashTypes.TryGetValue(name, out var hashType)
            ? hashType
            : throw new RpcException(RpcErrorCode.InvalidParameter, "Invalid sighash param");
}
