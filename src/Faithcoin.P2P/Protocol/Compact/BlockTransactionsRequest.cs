using Faithcoin.P2P.Wire.Payloads;
using NBitcoin;

namespace Faithcoin.P2P.Protocol.Compact;

/// <summary>getblocktxn: a block hash and the positions of the transactions wanted, differentially encoded on the wire.</summary>
public sealed class BlockTransactionsRequest : IBitcoinSerializable
{
    public uint256 BlockHash { get; set; } = uint256.Zero;

    /// <summary>Absolute positions, ascending.</summary>
    public List<int> Indexes { get; } = [];

    public void ReadWrite(BitcoinStream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var hash = BlockHash;
        stream.ReadWrite(ref hash);
        BlockHash = hash;
        if (stream.Serializing)
        {
            CompactSizeField.Write(stream, (ulong)Indexes.Count);
            var last = -1;
            foreach (var index in Indexes)
            {
                CompactSizeField.Write(stream, (ulong)(index - last - 1));
                last = index;
            }

            return;
        }

        var count = CompactSizeField.Read(stream);
        var offset = 0L;
        for (ulong i = 0; i < count; i++)
        {
            var difference = CompactSizeField.Read(stream);
            if (difference > ushort.MaxValue)
            {
                throw new MalformedPayloadException("index overflowed 16 bits");
            }

            var index = (long)difference + offset;
            if (index > ushort.MaxValue)
            {
                throw new MalformedPayloadException("indexes overflowed 16 bits");
            }

            Indexes.Add((int)index);
            offset = index + 1;
        }
    }
}
