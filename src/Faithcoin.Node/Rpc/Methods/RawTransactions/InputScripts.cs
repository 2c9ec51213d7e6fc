using NBitcoin;

namespace Faithcoin.Node.Rpc.Methods.RawTransactions;

/// <summary>DataFromTransaction and UpdateTransaction: an input's scriptSig and witness to and from <see cref="SignatureData"/>.</summary>
public static class InputScripts
{
    public static SignatureData Read(TxIn input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new SignatureData(ScriptSigStack.Read(input.ScriptSig.ToBytes(true)), input.WitScript.Pushes.ToList());
    }

    public static void Write(TxIn input, SignatureData data)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(data);
        input.ScriptSig = new Script(ScriptPush.EncodeAll(data.Script));
        input.WitScript = data.Witness.Count == 0 ? WitScript.Empty : new WitScript(data.Witness.ToArray());
    }

    /// <summary>TxInErrorToJSON's fields, in its order.</summary>
    public static System.Text.Json.Nodes.JsonObject Error(TxIn input, string message)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new System.Text.Json.Nodes.JsonObject
        {
            ["txid"] = input.PrevOut.Hash.ToString(),
            ["vout"] = input.PrevOut.N,
            ["scriptSig"] = Convert.ToHexStringLower(input.ScriptSig.ToBytes(true)),
            ["sequence"] = (uint)input.Sequence,
            ["error"] = message,
        };
    }
}
