using NBitcoin;

namespace Faithcoin.Consensus.Chain;

/// <summary>
/// Builds faithcoin's genesis block from its parts (chainparams.cpp CreateGenesisBlock), so the hash in the
/// chain parameters is a check on the construction and never a pasted constant.
/// </summary>
public static class GenesisBlockFactory
{
    public const string Timestamp = "BBC NEWS 20/Dec/2017 Bitcoin Cash deals frozen as insider trading is probed";

    public const string OutputPubKeyHex =
        "040184710fa689ad5023690c80f3a49c8f13f8d45b8c857fbcbc8bc4a8e4d3eb4b10f4d4604fa08dce601aaf0f470216fe1b51850b4acf21b179c45070ac7b03a9";

    public static Block Create(uint time, uint nonce, uint bits, int version, long reward)
    {
        var tx = FaithcoinConsensusFactory.Instance.CreateTransaction();
        tx.Version = 1;

        // 486604799 is pushed as the 4-byte number it encodes, and 4 as a one-byte push (not OP_4):
        // the original's CScript() << 486604799 << CScriptNum(4) writes exactly these bytes, which NBitcoin's
        // push helpers would shorten to OP_4, so the script is laid down byte by byte.
        var text = System.Text.Encoding.ASCII.GetBytes(Timestamp);
        byte[] scriptSigBytes = [0x04, 0xff, 0xff, 0x00, 0x1d, 0x01, 0x04, (byte)text.Length, .. text];
        var scriptSig = Script.FromBytesUnsafe(scriptSigBytes);
        tx.Inputs.Add(new TxIn(new OutPoint(), scriptSig));
        tx.Outputs.Add(new TxOut(
            Money.Satoshis(reward),
            new Script(Op.GetPushOp(Convert.FromHexString(OutputPubKeyHex)), OpcodeType.OP_CHECKSIG)));

        var block = FaithcoinConsensusFactory.Instance.CreateBlock();
        block.Header.Version = version;
        block.Header.BlockTime = DateTimeOffset.FromUnixTimeSeconds(time);
        block.Header.Bits = new Target(bits);
        block.Header.Nonce = nonce;
        block.Header.HashPrevBlock = uint256.Zero;
        block.Transactions.Add(tx);
        block.UpdateMerkleRoot();
        return block;
    }
}
