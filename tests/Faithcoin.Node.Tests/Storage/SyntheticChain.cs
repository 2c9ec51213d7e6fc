using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Faithcoin.Node.Storage;
using NBitcoin;

using Coin = Faithcoin.Consensus.Coins.Coin;

namespace Faithcoin.Node.Tests.Storage;

/// <summary>
/// A deterministic stand-in chain: every height has a hash, header, block bytes, coins and undo bytes computable
/// from the height alone, so a test (or a crashed writer's verifier) knows exactly what storage must hold.
/// </summary>
internal static class SyntheticChain
{
    public static readonly byte[] RegtestMessageStart = [0xfa, 0xbf, 0xb5, 0xda];

    public static uint256 Hash(int height) => new(SHA256.HashData(Encoding.ASCII.GetBytes($"block {height}")));

    public static uint256 TxId(int height) => new(SHA256.HashData(Encoding.ASCII.GetBytes($"tx {height}")));

    public static byte[] Header(int height)
    {
        var header = new byte[80];
        BinaryPrimitives.WriteInt32LittleEndian(header, 0x20000000);
        Hash(height - 1).ToBytes(header.AsSpan(4, 32), true);
        TxId(height).ToBytes(header.AsSpan(36, 32), true);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(68), 1_600_000_000u + (uint)height);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(72), 0x207fffff);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(76), (uint)height);
        return header;
    }

    public static byte[] Block(int height)
    {
        var block = new byte[200 + (height * 7919 % 20_000)];
        for (var i = 0; i < block.Length; i++)
        {
            block[i] = (byte)((height * 31) + i);
        }

        return block;
    }

    public static byte[] Undo(int height) => Enumerable.Range(0, 10 + (height % 50)).Select(i => (byte)(height ^ i)).ToArray();

    public static BlockIndexRecord IndexRecord(int height, BlockFilePosition data) =>
        new(Hash(height), Header(height), height, BlockStatus.ValidScripts | BlockStatus.HaveData | BlockStatus.HaveUndo | BlockStatus.OptWitness, 1 + (height % 10), data);

    public static IReadOnlyList<KeyValuePair<OutPoint, Coin>> Coins(int height)
    {
        var hash160 = TxId(height).ToBytes(true)[..20];
        var script = new Script([0x76, 0xa9, 20, .. hash160, 0x88, 0xac]);
        return Enumerable.Range(0, 1 + (height % 5))
            .Select(n => new KeyValuePair<OutPoint, Coin>(
                new OutPoint(TxId(height), n),
                new Coin(new TxOut(Money.Satoshis((height * 1000L) + n), script), height, n == 0)))
            .ToList();
    }

    /// <summary>What the chain manager does for one block: coins of the previous block spent, this block's created, all markers moved.</summary>
    public static void ConnectBlock(ChainStateBatch batch, int height, BlockFilePosition data, BlockFileCursor cursor)
    {
        batch.PutBlockIndex(IndexRecord(height, data));
        foreach (var (outPoint, _) in Coins(height - 1))
        {
            batch.DeleteCoin(outPoint);
        }

        foreach (var (outPoint, coin) in Coins(height))
        {
            batch.PutCoin(outPoint, coin);
        }

        batch.PutUndo(Hash(height), Undo(height));
        batch.SetBlockFileCursor(cursor);
        batch.SetBestBlock(Hash(height));
    }
}
