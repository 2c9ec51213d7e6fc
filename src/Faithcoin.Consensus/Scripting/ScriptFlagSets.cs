using NBitcoin;

namespace Faithcoin.Consensus.Scripting;

/// <summary>
/// The flag groups 0.15's policy.h defines. Blocks only ever verify with consensus flags, but CheckInputs still
/// uses these groups to decide whether a failing input is a "mandatory" failure (peer punished) or one that only
/// a newer soft-fork flag caught.
/// </summary>
public static class ScriptFlagSets
{
    /// <summary>MANDATORY_SCRIPT_VERIFY_FLAGS: only P2SH in 0.15.</summary>
    public const ScriptVerify Mandatory = ScriptVerify.P2SH;

    /// <summary>STANDARD_SCRIPT_VERIFY_FLAGS of 0.15.</summary>
    public const ScriptVerify Standard =
        Mandatory |
        ScriptVerify.DerSig |
        ScriptVerify.StrictEnc |
        ScriptVerify.MinimalData |
        ScriptVerify.NullDummy |
        ScriptVerify.DiscourageUpgradableNops |
        ScriptVerify.CleanStack |
        ScriptVerify.MinimalIf |
        ScriptVerify.NullFail |
        ScriptVerify.CheckLockTimeVerify |
        ScriptVerify.CheckSequenceVerify |
        ScriptVerify.LowS |
        ScriptVerify.Witness |
        ScriptVerify.DiscourageUpgradableWitnessProgram |
        ScriptVerify.WitnessPubkeyType;

    /// <summary>STANDARD_NOT_MANDATORY_VERIFY_FLAGS: includes DERSIG, CLTV, CSV, WITNESS and NULLDUMMY.</summary>
    public const ScriptVerify StandardNotMandatory = Standard & ~Mandatory;
}
