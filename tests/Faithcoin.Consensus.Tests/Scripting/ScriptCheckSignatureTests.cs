using Faithcoin.Consensus.Scripting;
using NBitcoin;
using static Faithcoin.Consensus.Tests.Scripting.SignedSpend;

namespace Faithcoin.Consensus.Tests.Scripting;

/// <summary>
/// Signature verdicts as a block gets them, through <see cref="ScriptCheck"/>: what the libsecp256k1 fast path takes
/// must pass, and what it declines must get 0.15's error from the interpreter.
/// </summary>
public sealed class ScriptCheckSignatureTests
{
    private const string EvalFalse = "mandatory-script-verify-flag-failed (Script evaluated without error but finished with a false/empty top stack element)";

    private readonly Key key = new();
    private readonly TxOut spent;

    public ScriptCheckSignatureTests() => spent = new TxOut(Money.Coins(1), key.PubKey.Hash.ScriptPubKey);

    [Fact]
    public void A_valid_signature_passes_on_the_fast_path()
    {
        var tx = PayToPubKeyHash(spent, key.PubKey, hash => key.Sign(hash).ToDER());

        Assert.True(StandardInputVerifier.TryVerify(tx, 0, spent, ConsensusFlags, null));
        Assert.Null(Check(tx, spent).Execute());
    }

    [Fact]
    public void A_high_S_signature_is_valid_in_consensus_and_only_LOW_S_policy_refuses_it()
    {
        var tx = PayToPubKeyHash(spent, key.PubKey, hash => HighS(key.Sign(hash).ToDER()));

        Assert.True(StandardInputVerifier.TryVerify(tx, 0, spent, ConsensusFlags, null));
        Assert.Null(Check(tx, spent).Execute());
        var policy = new ScriptCheck(tx, 0, spent, ConsensusFlags | ScriptVerify.LowS, null).Execute();
        Assert.NotNull(policy);
        Assert.Equal("non-mandatory-script-verify-flag (Non-canonical signature: S value is unnecessarily high)", policy.Reason);
        Assert.Equal(0, policy.DoS);
    }

    [Fact]
    public void A_tampered_signature_fails_with_the_interpreters_error()
    {
        var tx = PayToPubKeyHash(spent, key.PubKey, hash =>
        {
            var der = key.Sign(hash).ToDER();
            der[^1] ^= 0x01; // the last byte of S: still strict DER, no longer the signature
            return der;
        });

        Assert.False(StandardInputVerifier.TryVerify(tx, 0, spent, ConsensusFlags, null));
        AssertFails(Check(tx, spent), EvalFalse);
    }

    [Fact]
    public void A_signature_by_another_key_fails()
    {
        // A 1-of-1 multisig lets the wrong key's signature reach the ECDSA check (P2PKH would stop at the key hash).
        var redeem = PayToMultiSigTemplate.Instance.GenerateScriptPubKey(1, [key.PubKey]);
        var multisig = new TxOut(Money.Coins(1), redeem.Hash.ScriptPubKey);
        var other = new Key();
        var tx = Spend(multisig, hash => new Script(OpcodeType.OP_0, Op.GetPushOp(Sig(other, hash, SigHash.All)), Op.GetPushOp(redeem.ToBytes())), HashVersion.Original, scriptCode: redeem);
        var signedRight = Spend(multisig, hash => new Script(OpcodeType.OP_0, Op.GetPushOp(Sig(key, hash, SigHash.All)), Op.GetPushOp(redeem.ToBytes())), HashVersion.Original, scriptCode: redeem);

        Assert.False(StandardInputVerifier.TryVerify(tx, 0, multisig, ConsensusFlags, null));
        AssertFails(Check(tx, multisig), EvalFalse);
        Assert.True(StandardInputVerifier.TryVerify(signedRight, 0, multisig, ConsensusFlags, null));
        Assert.Null(Check(signedRight, multisig).Execute());
    }

    [Fact]
    public void A_signature_that_is_not_DER_at_all_fails()
    {
        var tx = PayToPubKeyHash(spent, key.PubKey, hash => [0x31, .. key.Sign(hash).ToDER()[1..]]); // a SET, not a SEQUENCE

        Assert.False(StandardInputVerifier.TryVerify(tx, 0, spent, ConsensusFlags, null));
        AssertFails(Check(tx, spent), "mandatory-script-verify-flag-failed (Non-canonical DER signature)");
    }

    [Fact]
    public void A_signature_only_the_lax_parser_takes_is_refused_by_DERSIG_alone()
    {
        var tx = PayToPubKeyHash(spent, key.PubKey, hash =>
        {
            var der = key.Sign(hash).ToDER();
            return [0x30, (byte)(der[1] + 1), .. der[2..], 0x00]; // a trailing byte inside the sequence
        });

        Assert.False(StandardInputVerifier.TryVerify(tx, 0, spent, ConsensusFlags, null));
        var error = Check(tx, spent).Execute();
        Assert.NotNull(error);
        Assert.Equal("non-mandatory-script-verify-flag (Non-canonical DER signature)", error.Reason);
        Assert.Equal(0, error.DoS);
    }

    private static ScriptCheck Check(Transaction tx, TxOut output) => new(tx, 0, output, ConsensusFlags, null);

    private static void AssertFails(ScriptCheck check, string reason)
    {
        var error = check.Execute();
        Assert.NotNull(error);
        Assert.Equal(reason, error.Reason);
        Assert.Equal(100, error.DoS);
    }
}
