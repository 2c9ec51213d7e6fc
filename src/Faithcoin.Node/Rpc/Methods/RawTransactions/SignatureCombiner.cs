using Faithcoin.Node.Rpc.Formatting;
using NBitcoin;
using ScriptTemplate = Faithcoin.Node.Rpc.Formatting.ScriptTemplate;
using ScriptType = Faithcoin.Node.Rpc.Formatting.ScriptType;

namespace Faithcoin.Node.Rpc.Methods.RawTransactions;

/// <summary>
/// sign.cpp's CombineSignatures: merge two partial solutions of one input. Single-key scripts keep whichever side
/// has a signature, P2SH and P2WSH recurse into the redeem script, and multisig matches every signature from both
/// sides to its key and rebuilds them in key order.
/// </summary>
public static class SignatureCombiner
{
    public static SignatureData Combine(byte[] scriptPubKey, InputSignatureChecker checker, SignatureData first, SignatureData second)
    {
        ArgumentNullException.ThrowIfNull(scriptPubKey);
        return Combine(scriptPubKey, checker, ScriptClassifier.Classify(scriptPubKey), first, second, HashVersion.Original);
    }

    private static SignatureData Combine(
        byte[] script, InputSignatureChecker checker, ScriptTemplate template, SignatureData first, SignatureData second, HashVersion version)
    {
        var type = template.Solved ? template.Type : ScriptType.NonStandard;
        switch (type)
        {
            case ScriptType.NonStandard:
            case ScriptType.NullData:
                return first.Script.Count >= second.Script.Count ? first : second;
            case ScriptType.PubKey:
            case ScriptType.PubKeyHash:
                return first.Script.Count == 0 || first.Script[0].Length == 0 ? second : first;
            case ScriptType.WitnessV0KeyHash:
                return first.Witness.Count == 0 || first.Witness[0].Length == 0 ? second : first;
            case ScriptType.ScriptHash:
                return CombineScriptHash(checker, first, second, version);
            case ScriptType.Multisig:
                return new SignatureData(CombineMultisig(script, checker, template.Solutions, first.Script, second.Script, version), []);
            case ScriptType.WitnessV0ScriptHash:
                return CombineWitnessScriptHash(checker, first, second);
            default:
                return SignatureData.Empty;
        }
    }

    private static SignatureData CombineScriptHash(InputSignatureChecker checker, SignatureData first, SignatureData second, HashVersion version)
    {
        if (first.Script.Count == 0 || first.Script[^1].Length == 0)
        {
            return second;
        }

        if (second.Script.Count == 0 || second.Script[^1].Length == 0)
        {
            return first;
        }

        var redeemScript = first.Script[^1];
        var inner = Combine(
            redeemScript,
            checker,
            ScriptClassifier.Classify(redeemScript),
            first with { Script = first.Script.Take(first.Script.Count - 1).ToList() },
            second with { Script = second.Script.Take(second.Script.Count - 1).ToList() },
            version);
        return inner with { Script = [.. inner.Script, redeemScript] };
    }

    private static SignatureData CombineWitnessScriptHash(InputSignatureChecker checker, SignatureData first, SignatureData second)
    {
        if (first.Witness.Count == 0 || first.Witness[^1].Length == 0)
        {
            return second;
        }

        if (second.Witness.Count == 0 || second.Witness[^1].Length == 0)
        {
            return first;
        }

        // The witness stacks (without the script) are combined as if they were scriptSig stacks.
        var witnessScript = first.Witness[^1];
        var inner = Combine(
            witnessScript,
            checker,
            ScriptClassifier.Classify(witnessScript),
            new SignatureData(first.Witness.Take(first.Witness.Count - 1).ToList(), []),
            new SignatureData(second.Witness.Take(second.Witness.Count - 1).ToList(), []),
            HashVersion.WitnessV0);
        return new SignatureData([], [.. inner.Script, witnessScript]);
    }

    /// <summary>CombineMultisig: each distinct signature (in byte order) goes to the first unmatched key it verifies for.</summary>
    private static List<byte[]> CombineMultisig(
        byte[] script,
        InputSignatureChecker checker,
        IReadOnlyList<byte[]> solutions,
        IReadOnlyList<byte[]> first,
        IReadOnlyList<byte[]> second,
        HashVersion version)
    {
        var allSignatures = new SortedSet<byte[]>(first.Concat(second).Where(s => s.Length > 0), ByteOrder.Instance);
        var required = solutions[0][0];
        var keys = solutions.Skip(1).Take(solutions.Count - 2).Select(Convert.ToHexStringLower).ToList();
        var byKey = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var signature in allSignatures)
        {
            for (var i = 0; i < keys.Count; i++)
            {
                if (!byKey.ContainsKey(keys[i]) && checker.CheckSig(signature, solutions[i + 1], script, version))
                {
                    byKey[keys[i]] = signature;
                    break;
                }
            }
        }

        var result = new List<byte[]> { Array.Empty<byte>() };
        for (var i = 0; i < keys.Count && result.Count - 1 < required; i++)
        {
            if (byKey.TryGetValue(keys[i], out var signature))
            {
                result.Add(signature);
            }
        }

        while (result.Count - 1 < required)
        {
            result.Add([]);
        }

        return result;
    }

    private sealed class ByteOrder : IComparer<byte[]>
    {
        public static ByteOrder Instance { get; } = new();

        public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
    }
}
