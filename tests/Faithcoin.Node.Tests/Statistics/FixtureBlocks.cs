using System.Buffers.Binary;
using System.IO.Compression;
using Faithcoin.Consensus.Chain;
using NBitcoin;

namespace Faithcoin.Node.Tests.Statistics;

/// <summary>
/// Blocks of the reference regtest chain the original faithcoind made, in bootstrap.dat framing (magic fabfb5da,
/// uint32 size, raw block with witness), read one at a time: the committed slice (blocks 0-499) and, where the
/// shared fixtures are mounted, the whole chain (0-5000).
/// </summary>
internal static class FixtureBlocks
{
    public const string FullChainPath = "/work/shared/fixtures/regtest-chain-ref.dat.gz";

    private static readonly byte[] RegtestMagic = [0xfa, 0xbf, 0xb5, 0xda];

    public static string SlicePath => Path.Combine(AppContext.BaseDirectory, "data", "fixture-slice.dat.gz");

    public static IEnumerable<FixtureBlock> Read(string path)
    {
        using var input = new BufferedStream(new GZipStream(File.OpenRead(path), CompressionMode.Decompress), 1 << 20);
        var prefix = new byte[8];
        for (var height = 0; ; height++)
        {
            if (input.ReadAtLeast(prefix, prefix.Length, throwOnEndOfStream: false) == 0)
            {
                yield break;
            }

            if (!prefix.AsSpan(0, 4).SequenceEqual(RegtestMagic))
            {
                throw new InvalidDataException($"Bad magic before block {height}.");
            }

            var raw = new byte[BinaryPrimitives.ReadUInt32LittleEndian(prefix.AsSpan(4))];
            input.ReadExactly(raw);
            yield return new FixtureBlock(height, raw, Block.Load(raw, FaithcoinConsensusFactory.Instance));
        }
    }

    /// <summary>The slice's blocks with their headers linked from genesis (Headers[h] is the block at height h).</summary>
    public static (IReadOnlyList<FixtureBlock> Blocks, IReadOnlyList<ChainedHeader> Headers) LoadSlice()
    {
        var blocks = Read(SlicePath).ToList();
        var headers = new List<ChainedHeader>();
        foreach (var block in blocks)
        {
            headers.Add(new ChainedHeader(block.Block.Header, block.Block.GetHash(), headers.Count == 0 ? null : headers[^1]));
        }

        return (blocks, headers);
    }
}
