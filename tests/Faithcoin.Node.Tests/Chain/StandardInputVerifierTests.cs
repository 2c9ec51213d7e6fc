using System.Numerics;
using Faithcoin.Consensus.Scripting;
using Faithcoin.Consensus.Scripting.Secp256k1;
using NBitcoin;
using NBitcoin.Crypto;

namespace Faithcoin.Node.Tests.Chain;

/// <summary>
/// The script fast path and its ECDSA must never accept what NBitcoin's interpreter rejects; declining is always
/// allowed (the interpreter then decides). Each case is checked against the interpreter itself.
/// </summary>
public sealed class StandardInputVerifierTests
{
    private const ScriptVerify Consensus = ScriptVerify.P2SH | ScriptVerify.DerSig | ScriptVerify.CheckLockTimeVerify |
                                           ScriptVerify.CheckSequenceVerify | ScriptVerify.Witness | ScriptVerify.NullDummy;

    private static readonly BigInteger Order = BigInteger.Parse("0FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", System.Globalization.NumberStyles.HexNumber);

    [Fact]
    public void EcdsaAgreesWithNBitcoinOnValidTamperedAndHighSSignatures()
    {
        var random = new Random(5);
        for (var i = 0; i < 150; i++)
        {
            var key = new Key();
            var publicKey = i % 3 == 0 ? key.PubKey.Decompress() : key.PubKey;
            var hash = new uint256(RandomBytes(random, 32));
            var der = key.Sign(hash).ToDER();
            var (r, s) = ReadDer(der);
            var otherHash = new uint256(RandomBytes(random, 32));
            var cases = new (byte[] Der, uint256 Hash)[]
            {
                (der, hash), (Der(r, Order - s), hash), (der, otherHash), (Der(r + 1, s), hash), (Der(r, s + 1), hash),
                (Der(r + Order, s), hash), (Der(r, s + Order), hash), (Der(BigInteger.Zero, s), hash),
            };
            foreach (var (candidate, message) in cases)
            {
                var ours = EcdsaVerifier.Verify(publicKey.ToBytes(), candidate, message.ToBytes());
                Assert.Equal(NBitcoinVerifies(publicKey, candidate, message), ours);
            }

            Assert.True(EcdsaVerifier.Verify(publicKey.ToBytes(), der, hash.ToBytes()));
            Assert.False(EcdsaVerifier.Verify(new Key().PubKey.ToBytes(), der, hash.ToBytes()));
        }
    }

    [Fact]
    public void PayToPubKeyHashPassesOnlyWhenTheInterpreterDoes()
    {
        var key = new Key();
        var spent = new TxOut(Money.Coins(1), key.PubKey.Hash.ScriptPubKey);
        var tx = Spend(spent, (t, hash) => new Script(Op.GetPushOp(Sig(key, hash, SigHash.All)), Op.GetPushOp(key.PubKey.ToBytes())), HashVersion.Original);
        AssertAgrees(tx, spent, expectFast: true);

        var wrongKey = new Key();
        var stolen = Spend(spent, (t, hash) => new Script(Op.GetPushOp(Sig(wrongKey, hash, SigHash.All)), Op.GetPushOp(wrongKey.PubKey.ToBytes())), HashVersion.Original);
        AssertAgrees(stolen, spent, expectFast: false);

        var badSignature = Spend(spent, (t, hash) => new Script(Op.GetPushOp(Sig(key, uint256.One, SigHash.All)), Op.GetPushOp(key.PubKey.ToBytes())), HashVersion.Original);
        AssertAgrees(badSignature, spent, expectFast: false);

        var single = Spend(spent, (t, hash) => new Script(Op.GetPushOp(Sig(key, hash, SigHash.Single)), Op.GetPushOp(key.PubKey.ToBytes())), HashVersion.Original, SigHash.Single);
        AssertAgrees(single, spent, expectFast: false, valid: true);
    }

    [Fact]
    public void WrappedWitnessKeyHashCommitsToTheAmount()
    {
        var key = new Key();
        var redeem = key.PubKey.WitHash.ScriptPubKey;
        var spent = new TxOut(Money.Coins(2), redeem.Hash.ScriptPubKey);
        var tx = Spend(spent, (t, hash) => new Script(Op.GetPushOp(redeem.ToBytes())), HashVersion.WitnessV0, witnessKey: key, scriptCode: key.PubKey.Hash.ScriptPubKey);
        AssertAgrees(tx, spent, expectFast: true);
        AssertAgrees(tx, new TxOut(Money.Coins(3), spent.ScriptPubKey), expectFast: false);
    }

    [Fact]
    public void MultisigMatchesKeysInOrderOnly()
    {
        var keys = new[] { new Key(), new Key(), new Key() };
        var redeem = PayToMultiSigTemplate.Instance.GenerateScriptPubKey(2, keys.Select(k => k.PubKey).ToArray());
        var spent = new TxOut(Money.Coins(1), redeem.Hash.ScriptPubKey);
        foreach (var (signers, fast) in new[] { (new[] { 0, 1 }, true), (new[] { 0, 2 }, true), (new[] { 1, 2 }, true), (new[] { 2, 0 }, false), (new[] { 1, 1 }, false) })
        {
            var tx = Spend(spent, (t, hash) =>
            {
                var ops = new List<Op> { OpcodeType.OP_0 };
                ops.AddRange(signers.Select(s => Op.GetPushOp(Sig(keys[s], hash, SigHash.All))));
                ops.Add(Op.GetPushOp(redeem.ToBytes()));
                return new Script(ops);
            }, HashVersion.Original, scriptCode: redeem);
            AssertAgrees(tx, spent, fast);
        }
    }

    private static void AssertAgrees(Transaction tx, TxOut spent, bool expectFast, bool? valid = null)
    {
        var precomputed = tx.HasWitness ? new PrecomputedTransactionData(tx) : null;
        var fast = StandardInputVerifier.TryVerify(tx, 0, spent, Consensus, precomputed);
        var context = new ScriptEvaluationContext { ScriptVerify = Consensus };
        var checker = precomputed is null ? new TransactionChecker(tx, 0, spent) : new TransactionChecker(tx, 0, spent, precomputed);
        var interpreter = context.VerifyScript(tx.Inputs[0].ScriptSig, tx.Inputs[0].WitScript, spent.ScriptPubKey, checker);
        Assert.Equal(expectFast, fast);
        Assert.True(!fast || interpreter);
        Assert.Equal(valid ?? expectFast, interpreter);
    }

    private static Transaction Spend(TxOut spent, Func<Transaction, uint256, Script> scriptSig, HashVersion version, SigHash sigHash = SigHash.All, Key? witnessKey = null, Script? scriptCode = null)
    {
        var tx = Network.RegTest.CreateTransaction();
        tx.Inputs.Add(new TxIn(new OutPoint(uint256.One, 0)));
        tx.Outputs.Add(new TxOut(Money.Coins(0.5m), new Key().PubKey.Hash.ScriptPubKey));
        var hash = tx.GetSignatureHash(scriptCode ?? spent.ScriptPubKey, 0, sigHash, spent, version);
        tx.Inputs[0].ScriptSig = scriptSig(tx, hash);
        if (witnessKey is not null)
        {
            tx.Inputs[0].WitScript = new WitScript(Op.GetPushOp(Sig(witnessKey, hash, sigHash)), Op.GetPushOp(witnessKey.PubKey.ToBytes()));
        }

        return tx;
    }

    private static byte[] Sig(Key key, uint256 hash, SigHash sigHash) => new TransactionSignature(key.Sign(hash), sigHash).ToBytes();

    private static bool NBitcoinVerifies(PubKey key, byte[] der, uint256 hash)
    {
        try
        {
            return key.Verify(hash, new ECDSASignature(der));
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static (BigInteger R, BigInteger S) ReadDer(byte[] der)
    {
        int lengthR = der[3];
        return (new BigInteger(der.AsSpan(4, lengthR), true, true), new BigInteger(der.AsSpan(6 + lengthR, der[5 + lengthR]), true, true));
    }

    private static byte[] Der(BigInteger r, BigInteger s)
    {
        var rb = r.IsZero ? [0] : r.ToByteArray(isUnsigned: false, isBigEndian: true);
        var sb = s.ToByteArray(isUnsigned: false, isBigEndian: true);
        return [0x30, (byte)(4 + rb.Length + sb.Length), 0x02, (byte)rb.Length, .. rb, 0x02, (byte)sb.Length, .. sb];
    }
}
