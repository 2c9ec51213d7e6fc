using NBitcoin;

namespace Faithcoin.Consensus.Tests.Vectors;

/// <summary>The comma-separated SCRIPT_VERIFY_ names of Core's vectors, mapped to NBitcoin's flags.</summary>
internal static class CoreFlagParser
{
    private static readonly Dictionary<string, ScriptVerify> Flags = new(StringComparer.Ordinal)
    {
        ["NONE"] = ScriptVerify.None,
        ["P2SH"] = ScriptVerify.P2SH,
        ["STRICTENC"] = ScriptVerify.StrictEnc,
        ["DERSIG"] = ScriptVerify.DerSig,
        ["LOW_S"] = ScriptVerify.LowS,
        ["SIGPUSHONLY"] = ScriptVerify.SigPushOnly,
        ["MINIMALDATA"] = ScriptVerify.MinimalData,
        ["NULLDUMMY"] = ScriptVerify.NullDummy,
        ["DISCOURAGE_UPGRADABLE_NOPS"] = ScriptVerify.DiscourageUpgradableNops,
        ["CLEANSTACK"] = ScriptVerify.CleanStack,
        ["MINIMALIF"] = ScriptVerify.MinimalIf,
        ["NULLFAIL"] = ScriptVerify.NullFail,
        ["CHECKLOCKTIMEVERIFY"] = ScriptVerify.CheckLockTimeVerify,
        ["CHECKSEQUENCEVERIFY"] = ScriptVerify.CheckSequenceVerify,
        ["WITNESS"] = ScriptVerify.Witness,
        ["DISCOURAGE_UPGRADABLE_WITNESS_PROGRAM"] = ScriptVerify.DiscourageUpgradableWitnessProgram,
        ["WITNESS_PUBKEYTYPE"] = ScriptVerify.WitnessPubkeyType,
    };

    public static ScriptVerify Parse(string text)
    {
        var flags = ScriptVerify.None;
        foreach (var name in text.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            flags |= Flags.TryGetValue(name, out var flag) ? flag : throw new FormatException($"Unknown flag {name}");
        }

        return flags;
    }
}
