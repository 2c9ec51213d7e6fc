using Faithcoin.Node.Rpc.Formatting;
using NBitcoin;
using NBitcoin.Crypto;
using ScriptType = Faithcoin.Node.Rpc.Formatting.ScriptType;

namespace Faithcoin.Node.Rpc.Methods.RawTransactions;

/// <summary>
/// sign.cpp's ProduceSignature/SignStep for one input: P2PK, P2PKH, bare multisig, P2SH around any of them, and
/// P2WPKH/P2WSH bare or inside P2SH. Keys and redeem scripts come from the call's key store; what cannot be signed
/// stays partial (a multisig keeps the signatures it has).
/// </summary>
public sealed class InputSigner(SigningKeyStore store, InputSignatureChecker checker, int hashType)
{
    public SignatureData Produce(byte[] scriptPubKey)
    {
        var result = new List<byte[]>();
        var solved = SignStep(scriptPubKey, result, out var type, HashVersion.Original);
        var p2sh = false;
        byte[] subscript = [];
        if (solved && type == ScriptType.ScriptHash)
        {
            subscript = result[0];
            solved = SignStep(subscript, result, out type, HashVersion.Original) && type != ScriptType.ScriptHash;
            p2sh = true;
        }

        List<byte[]> witness = [];
        if (solved && type == ScriptType.WitnessV0KeyHash)
        {
            var witnessScript = PayToKeyHash(result[0]);
            SignStep(witnessScript, result, out _, HashVersion.WitnessV0);
            (witness, result) = (result, []);
        }
        else if (solved && type == ScriptType.WitnessV0ScriptHash)
        {
            var witnessScript = result[0];
            SignStep(witnessScript, result, out _, HashVersion.WitnessV0);
            result.Add(witnessScript);
            (witness, result) = (result, []);
        }

        if (p2sh)
        {
            result.Add(subscript);
        }

        return new SignatureData(result, witness);
    }

    private bool SignStep(byte[] script, List<byte[]> result, out ScriptType type, HashVersion version)
    {
        result.Clear();
        var template = ScriptClassifier.Classify(script);
        type = template.Solved ? template.Type : ScriptType.NonStandard;
        var solutions = template.Solutions;
        switch (type)
        {
            case ScriptType.PubKey:
                return SignWith(new KeyId(Hashes.Hash160(solutions[0])), script, result, version);
            case ScriptType.PubKeyHash:
                var id = new KeyId(solutions[0]);
                if (!SignWith(id, script, result, version))
                {
                    return false;
                }

                result.Add(store.FindKey(id)!.PubKey.ToBytes());
                return true;
            case ScriptType.ScriptHash:
                return AddScript(store.FindScript(new ScriptId(solutions[0])), result);
            case ScriptType.Multisig:
                result.Add([]);
                return SignMultisig(solutions, script, result, version);
            case ScriptType.WitnessV0KeyHash:
                result.Add(solutions[0]);
                return true;
            case ScriptType.WitnessV0ScriptHash:
                return AddScript(store.FindScript(new ScriptId(Hashes.RIPEMD160(solutions[0]))), result);
            default:
                return false;
        }
    }

    private static bool AddScript(byte[]? script, List<byte[]> result)
    {
        if (script is null)
        {
            return false;
        }

        result.Add(script);
        return true;
    }

    /// <summary>SignN: keys in script order until enough signatures are made.</summary>
    private bool SignMultisig(IReadOnlyList<byte[]> solutions, byte[] script, List<byte[]> result, HashVersion version)
    {
        var required = solutions[0][0];
        var signed = 0;
        for (var i = 1; i < solutions.Count - 1 && signed < required; i++)
        {
            if (SignWith(new KeyId(Hashes.Hash160(solutions[i])), script, result, version))
            {
                signed++;
            }
        }

        return signed == required;
    }

    /// <summary>Sign1 / CreateSig: 0.15 refuses uncompressed keys in witness scripts and does not grind for low R.</summary>
    private bool SignWith(KeyId id, byte[] scriptCode, List<byte[]> result, HashVersion version)
    {
        var key = store.FindKey(id);
        if (key is null || (version == HashVersion.WitnessV0 && !key.IsCompressed))
        {
            return false;
        }

        var signature = key.Sign(checker.Hash(scriptCode, hashType, version), false).ToDER();
        result.Add([.. signature, (byte)hashType]);
        return true;
    }

    private static byte[] PayToKeyHash(byte[] hash) => [0x76, 0xa9, 0x14, .. hash, 0x88, 0xac];
}
