using System.Globalization;
using System.Numerics;
using NBitcoin;

namespace Faithcoin.Consensus.Tests.Scripting;

/// <summary>One-input transactions signed over the real signature hash, and DER signatures built from any r and s.</summary>
internal static class SignedSpend
{
    /// <summary>The flags a block is checked with once every 0.15 soft fork is active.</summary>
    public const ScriptVerify ConsensusFlags = ScriptVerify.P2SH | ScriptVerify.DerSig | ScriptVerify.CheckLockTimeVerify |
                                               ScriptVerify.CheckSequenceVerify | ScriptVerify.Witness | ScriptVerify.NullDummy;

    public static readonly BigInteger Order = BigInteger.Parse("0FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", NumberStyles.HexNumber);

    public static Transaction Spend(TxOut spent, Func<uint256, Script> scriptSig, HashVersion version, SigHash sigHash = SigHash.All, Key? witnessKey = null, Script? scriptCode = null)
    {
        var tx = Network.RegTest.CreateTransaction();
        tx.Inputs.Add(new TxIn(new OutPoint(uint256.One, 0)));
        tx.Outputs.Add(new TxOut(Money.Coins(0.5m), new Key().PubKey.Hash.ScriptPubKey));
        var hash = tx.GetSignatureHash(scriptCode ?? spent.ScriptPubKey, 0, sigHash, spent, version);
        tx.Inputs[0].ScriptSig = scriptSig(hash);
        if (witnessKey is not null)
        {
            tx.Inputs[0].WitScript = new WitScript(Op.GetPushOp(Sig(witnessKey, hash, sigHash)), Op.GetPushOp(witnessKey.PubKey.ToBytes()));
        }

        return tx;
    }

    /// <summary>A P2PKH spend of <paramref name="spent"/> whose signature push is <paramref name="signature"/>(sighash) plus SIGHASH_ALL.</summary>
    public static Transaction PayToPubKeyHash(TxOut spent, PubKey publicKey, Func<uint256, byte[]> signature) =>
        Spend(spent, hash => new Script(Op.GetPushOp([.. signature(hash), (byte)SigHash.All]), Op.GetPushOp(publicKey.ToBytes())), HashVersion.Original);

    public static byte[] Sig(Key key, uint256 hash, SigHash sigHash) => new TransactionSignature(key.Sign(hash), sigHash).ToBytes();

    public static (BigInteger R, BigInteger S) ReadDer(byte[] der)
    {
        int lengthR = der[3];
        return (new BigInteger(der.AsSpan(4, lengthR), true, true), new BigInteger(der.AsSpan(6 + lengthR, der[5 + lengthR]), true, true));
    }

    /// <summary>Minimal DER for any non-negative r and s, including ones not below the order.</summary>
    public static byte[] Der(BigInteger r, BigInteger s)
    {
        var rb = r.IsZero ? [0] : r.ToByteArray(isUnsigned: false, isBigEndian: true);
        var sb = s.ToByteArray(isUnsigned: false, isBigEndian: true);
        return [0x30, (byte)(4 + rb.Length + sb.Length), 0x02, (byte)rb.Length, .. rb, 0x02, (byte)sb.Length, .. sb];
    }

    /// <summary>The same signature with S replaced by n − S: valid in consensus, refused only by the LOW_S policy.</summary>
    public static byte[] HighS(byte[] der)
    {
        var (r, s) = ReadDer(der);
        return Der(r, Order - s);
    }
}
