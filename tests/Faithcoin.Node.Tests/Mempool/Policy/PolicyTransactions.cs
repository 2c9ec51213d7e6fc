using NBitcoin;

namespace Faithcoin.Node.Tests.Mempool.Policy;

/// <summary>Transactions and scripts built byte by byte for the policy tests.</summary>
internal static class PolicyTransactions
{
    public static readonly byte[] PubKey = Convert.FromHexString("03d7da18e28d6463ea9b7e93402aec0e122b76a669e04ad12f5f4b913f772751ef");

    public static Script P2pkh => new(Convert.FromHexString("76a9146616da61e6bca06f0a3255bf359335ff6bb3447d88ac"));

    public static Script P2wpkh => new(Convert.FromHexString("00146616da61e6bca06f0a3255bf359335ff6bb3447d"));

    public static Script P2sh(byte[] redeemScript) => new Script(redeemScript).PaymentScript;

    public static Script P2wsh(byte[] witnessScript) => new Script(witnessScript).WitHash.ScriptPubKey;

    /// <summary>OP_RETURN followed by one push, making a script of exactly <paramref name="scriptSize"/> bytes.</summary>
    public static Script NullData(int scriptSize)
    {
        var dataSize = scriptSize <= 1 + 75 ? scriptSize - 2 : scriptSize - 3;
        var header = dataSize <= 75 ? new[] { (byte)dataSize } : new byte[] { 0x4c, (byte)dataSize };
        return new Script([0x6a, .. header, .. new byte[dataSize]]);
    }

    /// <summary>m-of-n bare multisig with n copies of one key.</summary>
    public static Script Multisig(int m, int n)
    {
        var script = new List<byte> { (byte)(0x50 + m) };
        for (var i = 0; i < n; i++)
        {
            script.Add((byte)PubKey.Length);
            script.AddRange(PubKey);
        }

        script.Add((byte)(0x50 + n));
        script.Add(0xae);
        return new Script(script.ToArray());
    }

    /// <summary>A push-only script of exactly <paramref name="size"/> bytes (one PUSHDATA2).</summary>
    public static Script PushOnlyScriptSig(int size) =>
        new([0x4d, (byte)(size - 3), (byte)((size - 3) >> 8), .. new byte[size - 3]]);

    /// <summary>Version 2, one input spending a made-up outpoint, the given outputs.</summary>
    public static Transaction Spending(params TxOut[] outputs)
    {
        var tx = Transaction.Create(Network.RegTest);
        tx.Version = 2;
        tx.Inputs.Add(new TxIn(new OutPoint(uint256.One, 0), new Script(Op.GetPushOp(new byte[72]), Op.GetPushOp(PubKey))));
        foreach (var output in outputs)
        {
            tx.Outputs.Add(output);
        }

        return tx;
    }

    public static TxOut Pay(long satoshis, Script script) => new(Money.Satoshis(satoshis), script);

    public static TxOut StandardPayment => Pay(1_000_000, P2pkh);
}
