using Faithcoin.Consensus.Scripting;

namespace Faithcoin.Node.Rpc.Formatting;

/// <summary>
/// Core 0.15's Solver: P2SH and witness programs by shape, OP_RETURN followed by pushes as null data, then the
/// pubkey, pubkeyhash and multisig templates matched op by op. Keys are recognised by push length (33 to 65)
/// only, and any push opcode counts, exactly as the original matches them.
/// </summary>
public static class ScriptClassifier
{
    // Core's placeholder opcodes: in a template they stand for a kind of push, never for themselves.
    private const byte SmallInteger = 0xfa;
    private const byte PubKeys = 0xfb;
    private const byte PubKeyHash = 0xfd;
    private const byte PubKey = 0xfe;

    private const byte OpReturn = 0x6a;
    private const byte Op0 = 0x00;
    private const byte Op1 = 0x51;
    private const byte Op16 = 0x60;

    private static readonly (ScriptType Type, byte[] Pattern)[] Templates =
    [
        (ScriptType.PubKey, [PubKey, 0xac]),
        (ScriptType.PubKeyHash, [0x76, 0xa9, PubKeyHash, 0x88, 0xac]),
        (ScriptType.Multisig, [SmallInteger, PubKeys, SmallInteger, 0xae]),
    ];

    public static ScriptTemplate Classify(ReadOnlySpan<byte> script)
    {
        if (ScriptPatterns.IsPayToScriptHash(script))
        {
            return new ScriptTemplate(ScriptType.ScriptHash, true, [script.Slice(2, 20).ToArray()]);
        }

        if (ScriptPatterns.IsWitnessProgram(script, out var version, out var program))
        {
            return (version, program.Length) switch
            {
                (0, 20) => new ScriptTemplate(ScriptType.WitnessV0KeyHash, true, [program.ToArray()]),
                (0, 32) => new ScriptTemplate(ScriptType.WitnessV0ScriptHash, true, [program.ToArray()]),
                _ => ScriptTemplate.NonStandard,
            };
        }

        if (script.Length >= 1 && script[0] == OpReturn && ScriptPatterns.IsPushOnly(script[1..]))
        {
            return new ScriptTemplate(ScriptType.NullData, true, []);
        }

        foreach (var (type, pattern) in Templates)
        {
            var solutions = new List<byte[]>();
            if (Matches(script, pattern, solutions))
            {
                return type == ScriptType.Multisig
                    ? new ScriptTemplate(type, MultisigCountsAgree(solutions), solutions)
                    : new ScriptTemplate(type, true, solutions);
            }
        }

        return ScriptTemplate.NonStandard;
    }

    private static bool MultisigCountsAgree(List<byte[]> solutions)
    {
        int required = solutions[0][0];
        int keys = solutions[^1][0];
        return required >= 1 && keys >= 1 && required <= keys && solutions.Count - 2 == keys;
    }

    private static bool Matches(ReadOnlySpan<byte> script, ReadOnlySpan<byte> pattern, List<byte[]> solutions)
    {
        var actual = new ScriptOpReader(script);
        var expected = new ScriptOpReader(pattern);
        while (true)
        {
            if (actual.AtEnd && expected.AtEnd)
            {
                return true;
            }

            if (!actual.TryRead(out var opcode, out var data) || !expected.TryRead(out var wanted, out _))
            {
                return false;
            }

            if (wanted == PubKeys)
            {
                // Take every key-sized push, then compare what follows with the next template op.
                while (data.Length is >= 33 and <= 65)
                {
                    solutions.Add(data.ToArray());
                    if (!actual.TryRead(out opcode, out data))
                    {
                        break;
                    }
                }

                if (!expected.TryRead(out wanted, out _))
                {
                    return false;
                }
            }

            if (!MatchesOne(opcode, data, wanted, solutions))
            {
                return false;
            }
        }
    }

    private static bool MatchesOne(byte opcode, ReadOnlySpan<byte> data, byte wanted, List<byte[]> solutions)
    {
        switch (wanted)
        {
            case PubKey when data.Length is >= 33 and <= 65:
            case PubKeyHash when data.Length == 20:
                solutions.Add(data.ToArray());
                return true;
            case PubKey:
            case PubKeyHash:
                return false;
            case SmallInteger when opcode == Op0 || opcode is >= Op1 and <= Op16:
                solutions.Add([(byte)(opcode == Op0 ? 0 : opcode - (Op1 - 1))]);
                return true;
            case SmallInteger:
                return false;
            default:
                return opcode == wanted && data.IsEmpty;
        }
    }
}
