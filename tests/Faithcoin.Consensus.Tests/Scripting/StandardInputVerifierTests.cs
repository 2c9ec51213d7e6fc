using System.Numerics;
using Faithcoin.Consensus.Scripting;
using Faithcoin.Consensus.Scripting.Secp256k1;
using NBitcoin;
using NBitcoin.Crypto;
using static Faithcoin.Consensus.Tests.Scripting.SignedSpend;

namespace Faithcoin.Consensus.Tests.Scripting;

/// <summary>
/// The script fast path and its ECDSA (libsecp256k1) must never accept what NBitcoin's interpreter rejects; declining
/// is always allowed (the interpreter then decides). Each case is checked against the interpreter itself.
/// </summary>
public sealed class StandardInputVerifierTests
{
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
            Assert.True(EcdsaVerifier.Verify(publicKey.ToBytes(), Der(r, Order - s), hash.ToBytes()));
            Assert.False(EcdsaVerifier.Verify(new Key().PubKey.ToBytes(), der, hash.ToBytes()));
        }
    }

    [Fact]
    public void PayToPubKeyHashPassesOnlyWhenTheInterpreterDoes()
    {
        var key = new Key();
        var spent = new TxOut(Money.Coins(1), key.PubKey.Hash.ScriptPubKey);
        var tx = Spend(spent, hash => new Script(Op.GetPushOp(Sig(key, hash, SigHash.All)), Op.GetPushOp(key.PubKey.ToBytes())), HashVersion.Original);
        AssertAgrees(tx, spent, expectFast: true);

        var wrongKey = new Key();
        var stolen = Spend(spent, hash => new Script(Op.GetPushOp(Sig(wrongKey, hash, SigHash.All)), Op.GetPushOp(wrongKey.PubKey.ToBytes())), HashVersion.Original);
        AssertAgrees(stolen, spent, expectFast: false);

        var badSignature = Spend(spent, hash => new Script(Op.GetPushOp(Sig(key, uint256.One, SigHash.All)), Op.GetPushOp(key.PubKey.ToBytes())), HashVersion.Original);
        AssertAgrees(badSignature, spent, expectFast: false);

        var single = Spend(spent, hash => new Script(Op.GetPushOp(Sig(key, hash, SigHash.Single)), Op.GetPushOp(key.PubKey.ToBytes())), HashVersion.Original, SigHash.Single);
        AssertAgrees(single, spent, expectFast: false, valid: true);

        var highS = PayToPubKeyHash(spent, key.PubKey, hash => HighS(key.Sign(hash).ToDER()));
        AssertAgrees(highS, spent, expectFast: true);
    }

    [Fact]
    public void WrappedWitnessKeyHashCommitsToTheAmount()
    {
        var key = new Key();
        var redeem = key.PubKey.WitHash.ScriptPubKey;
        var spent = new TxOut(Money.Coins(2), redeem.Hash.ScriptPubKey);
        var tx = Spend(spent, hash => new Script(Op.GetPushOp(redeem.ToBytes())), HashVersion.WitnessV0, witnessKey: key, scriptCode: key.PubKey.Hash.ScriptPubKey);
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
            var tx = Spend(spent, hash =>
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
        var fast = StandardInputVerifier.TryVerify(tx, 0, spent, ConsensusFlags, precomputed);
        var context = new ScriptEvaluationContext { ScriptVerify = ConsensusFlags };
        var checker = precomputed is null ? new TransactionChecker(tx, 0, spent) : new TransactionChecker(tx, 0, spent, precomputed);
        var interpreter = context.VerifyScript(tx.Inputs[0].ScriptSig, tx.Inputs[0].WitScript, spent.ScriptPubKey, checker);
        Assert.Equal(expectFast, fast);
        Assert.True(!fast || interpreter);
        Assert.Equal(valid ?? expectFast, interpreter);
    }

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
}
