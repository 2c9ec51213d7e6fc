using System.Security.Cryptography;
using Faithcoin.P2P.Wire.Payloads;
using NBitcoin;

namespace Faithcoin.P2P.Protocol.Compact;

/// <summary>
/// cmpctblock (0.15's CBlockHeaderAndShortTxIDs): the header, a nonce, 6-byte short ids for most transactions
/// and some transactions in full (the coinbase at least) with differentially encoded positions.
/// </summary>
public sealed class HeaderAndShortIds : IBitcoinSerializable
{
    private BlockHeader? header;

    public BlockHeader Header
    {
        get => header ?? throw new InvalidOperationException("No header read yet.");
        set => header = value;
    }

    public ulong Nonce { get; set; }

    public List<ulong> ShortIds { get; } = [];

    public List<PrefilledTransaction> Prefilled { get; } = [];

    public int BlockTransactionCount => ShortIds.Count + Prefilled.Count;

    /// <summary>As <see cref="FromBlock(Block, bool, ulong)"/> with a fresh random nonce, as 0.15 draws one per compact block.</summary>
    public static HeaderAndShortIds FromBlock(Block block, bool useWtxid) =>
        FromBlock(block, useWtxid, BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(sizeof(ulong))));

    /// <summary>What 0.15 sends: the coinbase prefilled, every other transaction by the short id of its txid or (version 2) wtxid.</summary>
    public static HeaderAndShortIds FromBlock(Block block, bool useWtxid, ulong nonce)
    {
        ArgumentNullException.ThrowIfNull(block);
        var result = new HeaderAndShortIds { Header = block.Header, Nonce = nonce };
        result.Prefilled.Add(new PrefilledTransaction(0, block.Transactions[0]));
        var hasher = result.CreateHasher();
        foreach (var tx in block.Transactions.Skip(1))
        {
            result.ShortIds.Add(hasher.ShortId(useWtxid ? tx.GetWitHash() : tx.GetHash()));
        }

        return result;
    }

    public ShortIdHasher CreateHasher() => ShortIdHasher.For(Header, Nonce);

    public void ReadWrite(BitcoinStream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (stream.Serializing)
        {
            Write(stream);
        }
        else
        {
            Read(stream);
        }
    }

    private void Write(BitcoinStream stream)
    {
        Header.ReadWrite(stream);
        var nonce = Nonce;
        stream.ReadWrite(ref nonce);
        CompactSizeField.Write(stream, (ulong)ShortIds.Count);
        foreach (var id in ShortIds)
        {
            var lsb = (uint)(id & 0xffff_ffff);
            var msb = (ushort)((id >> 32) & 0xffff);
            stream.ReadWrite(ref lsb);
            stream.ReadWrite(ref msb);
        }

        CompactSizeField.Write(stream, (ulong)Prefilled.Count);
        var last = -1;
        foreach (var prefilled in Prefilled)
        {
            CompactSizeField.Write(stream, (ulong)(prefilled.Index - last - 1));
            last = prefilled.Index;
            prefilled.Transaction.ReadWrite(stream);
        }
    }

    private void Read(BitcoinStream stream)
    {
        var readHeader = stream.ConsensusFactory.CreateBlockHeader();
        readHeader.ReadWrite(stream);
        header = readHeader;
        ulong nonce = 0;
        stream.ReadWrite(ref nonce);
        Nonce = nonce;
        var count = CompactSizeField.Read(stream);
        for (ulong i = 0; i < count; i++)
        {
            uint lsb = 0;
            ushort msb = 0;
            stream.ReadWrite(ref lsb);
            stream.ReadWrite(ref msb);
            ShortIds.Add(((ulong)msb << 32) | lsb);
        }

        var prefilledCount = CompactSizeField.Read(stream);
        var last = -1L;
        for (ulong i = 0; i < prefilledCount; i++)
        {
            var difference = CompactSizeField.Read(stream);
            if (difference > ushort.MaxValue)
            {
                throw new MalformedPayloadException("index overflowed 16-bits");
            }

            // Absolute positions past 16 bits are left for the reconstruction to refuse (an invalid compact block).
            last += (long)difference + 1;
            var tx = stream.ConsensusFactory.CreateTransaction();
            tx.ReadWrite(stream);
            Prefilled.Add(new PrefilledTransaction((int)Math.Min(last, int.MaxValue), tx));
        }
    }
}
