using NBitcoin;

namespace Faithcoin.Consensus.Scripting;

/// <summary>
/// Core 0.15's names (as script_tests.json spells them) and messages (script_error.cpp, as reject reasons carry
/// them) for NBitcoin's script errors, so a failing input reports exactly what the original would.
/// </summary>
public static class ScriptErrorText
{
    private static readonly Dictionary<ScriptError, (string Name, string Message)> Table = new()
    {
        [ScriptError.OK] = ("OK", "No error"),
        [ScriptError.UnknownError] = ("UNKNOWN_ERROR", "unknown error"),
        [ScriptError.EvalFalse] = ("EVAL_FALSE", "Script evaluated without error but finished with a false/empty top stack element"),
        [ScriptError.OpReturn] = ("OP_RETURN", "OP_RETURN was encountered"),
        [ScriptError.ScriptSize] = ("SCRIPT_SIZE", "Script is too big"),
        [ScriptError.PushSize] = ("PUSH_SIZE", "Push value size limit exceeded"),
        [ScriptError.OpCount] = ("OP_COUNT", "Operation limit exceeded"),
        [ScriptError.StackSize] = ("STACK_SIZE", "Stack size limit exceeded"),
        [ScriptError.SigCount] = ("SIG_COUNT", "Signature count negative or greater than pubkey count"),
        [ScriptError.PubkeyCount] = ("PUBKEY_COUNT", "Pubkey count negative or limit exceeded"),
        [ScriptError.Verify] = ("VERIFY", "Script failed an OP_VERIFY operation"),
        [ScriptError.EqualVerify] = ("EQUALVERIFY", "Script failed an OP_EQUALVERIFY operation"),
        [ScriptError.CheckMultiSigVerify] = ("CHECKMULTISIGVERIFY", "Script failed an OP_CHECKMULTISIGVERIFY operation"),
        [ScriptError.CheckSigVerify] = ("CHECKSIGVERIFY", "Script failed an OP_CHECKSIGVERIFY operation"),
        [ScriptError.NumEqualVerify] = ("NUMEQUALVERIFY", "Script failed an OP_NUMEQUALVERIFY operation"),
        [ScriptError.BadOpCode] = ("BAD_OPCODE", "Opcode missing or not understood"),
        [ScriptError.DisabledOpCode] = ("DISABLED_OPCODE", "Attempted to use a disabled opcode"),
        [ScriptError.InvalidStackOperation] = ("INVALID_STACK_OPERATION", "Operation not valid with the current stack size"),
        [ScriptError.InvalidAltStackOperation] = ("INVALID_ALTSTACK_OPERATION", "Operation not valid with the current altstack size"),
        [ScriptError.UnbalancedConditional] = ("UNBALANCED_CONDITIONAL", "Invalid OP_IF construction"),
        [ScriptError.NegativeLockTime] = ("NEGATIVE_LOCKTIME", "Negative locktime"),
        [ScriptError.UnsatisfiedLockTime] = ("UNSATISFIED_LOCKTIME", "Locktime requirement not satisfied"),
        [ScriptError.SigHashType] = ("SIG_HASHTYPE", "Signature hash type missing or not understood"),
        [ScriptError.SigDer] = ("SIG_DER", "Non-canonical DER signature"),
        [ScriptError.MinimalData] = ("MINIMALDATA", "Data push larger than necessary"),
        [ScriptError.SigPushOnly] = ("SIG_PUSHONLY", "Only non-push operators allowed in signatures"),
        [ScriptError.SigHighS] = ("SIG_HIGH_S", "Non-canonical signature: S value is unnecessarily high"),
        [ScriptError.SigNullDummy] = ("SIG_NULLDUMMY", "Dummy CHECKMULTISIG argument must be zero"),
        [ScriptError.PubKeyType] = ("PUBKEYTYPE", "Public key is neither compressed or uncompressed"),
        [ScriptError.CleanStack] = ("CLEANSTACK", "Extra items left on stack after execution"),
        [ScriptError.MinimalIf] = ("MINIMALIF", "OP_IF/NOTIF argument must be minimal"),
        [ScriptError.NullFail] = ("NULLFAIL", "Signature must be zero for failed CHECK(MULTI)SIG operation"),
        [ScriptError.DiscourageUpgradableNops] = ("DISCOURAGE_UPGRADABLE_NOPS", "NOPx reserved for soft-fork upgrades"),
        [ScriptError.DiscourageUpgradableWitnessProgram] = ("DISCOURAGE_UPGRADABLE_WITNESS_PROGRAM", "Witness version reserved for soft-fork upgrades"),
        [ScriptError.WitnessProgramWrongLength] = ("WITNESS_PROGRAM_WRONG_LENGTH", "Witness program has incorrect length"),
        [ScriptError.WitnessProgramEmpty] = ("WITNESS_PROGRAM_WITNESS_EMPTY", "Witness program was passed an empty witness"),
        [ScriptError.WitnessProgramMissmatch] = ("WITNESS_PROGRAM_MISMATCH", "Witness program hash mismatch"),
        [ScriptError.WitnessMalleated] = ("WITNESS_MALLEATED", "Witness requires empty scriptSig"),
        [ScriptError.WitnessMalleatedP2SH] = ("WITNESS_MALLEATED_P2SH", "Witness requires only-redeemscript scriptSig"),
        [ScriptError.WitnessUnexpected] = ("WITNESS_UNEXPECTED", "Witness provided for non-witness script"),
        [ScriptError.WitnessPubkeyType] = ("WITNESS_PUBKEYTYPE", "Using non-compressed keys in segwit"),
    };

    /// <summary>The SCRIPT_ERR_ suffix Core uses, e.g. "EVAL_FALSE"; errors 0.15 cannot raise map to UNKNOWN_ERROR.</summary>
    public static string CoreName(ScriptError error) =>
        Table.TryGetValue(error, out var entry) ? entry.Name : "UNKNOWN_ERROR";

    /// <summary>ScriptErrorString of 0.15: the text inside "mandatory-script-verify-flag-failed (...)".</summary>
    public static string CoreMessage(ScriptError error) =>
        Table.TryGetValue(error, out var entry) ? entry.Message : "unknown error";
}
