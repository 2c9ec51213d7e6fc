using System.Buffers.Binary;
using System.IO.Compression;
using Faithcoin.Consensus.Chain;
using NBitcoin;

namespace Faithcoin.Consensus.Tests.Fixture;

/// <summary>
/// The first blocks of the reference regtest chain made by the original faithcoind (tests/data/fixture-slice.dat.gz,
/// bootstrap.dat framing: magic, uint32 size, raw block with witness), with their headers linked from genesis.
/// </summary>
internal sealed class FixtureSlice
{
    private static readonly byte[] RegtestMagic = [0xfa, 0xbf, 0xb5, 0xda];

    private FixtureSlice(IReadOnlyList<byte[]> rawBlocks, IReadOnlyList<Block> blocks, IReadOnlyList<ChainedHeader> headers)
    {
        RawBlocks = rawBlocks;
        Blocks = blocks;
        Headers = headers;
    }

    public IReadOnlyList<byte[]> RawBlocks { get; }

    public IReadOnlyList<Block> Blocks { get; }

    /// <summary>Headers[h] is the block at height h.</summary>
    public IReadOnlyList<ChainedHeader> Headers { get; }

    public static FixtureSlice Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "data", "fixture-slice.dat.gz");
        using var input = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var buffer = new MemoryStream();
        input.CopyTo(buffer);
        var data = buffer.ToArray();

        var raw = new List<byte[]>();
        var blocks = new List<Block>();
        var headers = new List<ChainedHeader>();
        for (var position = 0; position < data.Length;)
        {
            if (!data.AsSpan(position, 4).SequenceEqual(RegtestMagic))
            {
                throw new InvalidDataException($"Bad magic at offset {position}.");
            }

            var size = (int)BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(position + 4));
            var bytes = data.AsSpan(position + 8, size).ToArray();
            position += 8 + size;

            var block = Block.Load(bytes, FaithcoinConsensusFactory.Instance);
            var previous = headers.Count == 0 ? null : headers[^1];
            if (block.Header.HashPrevBlock != (previous?.HashBlock ?? uint256.Zero))
            {
                throw new InvalidDataException($"Block {headers.Count} does not follow its predecessor.");
            }

            raw.Add(bytes);
            blocks.Add(block);
            headers.Add(new ChainedHeader(block.Header, block.GetHash(), previous));
        }

        return new FixtureSlice(raw, blocks, headers);
    }

    /// <summary>A fresh, independently mutable copy of the block at <paramref name="height"/>.</summary>
    public Block Copy(int height) => Block.Load(RawBlocks[height], FaithcoinConsensusFactory.Instance);
}
