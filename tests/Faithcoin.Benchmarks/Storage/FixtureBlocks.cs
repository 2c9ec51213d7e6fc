extern alias FaithcoinNode;

using System.IO.Compression;
using System.Security.Cryptography;
using FaithcoinNode::Faithcoin.Node.Storage;
using NBitcoin;

namespace Faithcoin.Benchmarks.Storage;

/// <summary>The reference regtest chain (5,001 blocks in bootstrap.dat layout, gzipped) held in memory with each block's hash.</summary>
public sealed class FixtureBlocks
{
    public const string PathVariable = "FAITHCOIN_FIXTURE";
    public const string DefaultPath = "/work/shared/fixtures/regtest-chain-ref.dat.gz";
    public static readonly byte[] RegtestMessageStart = [0xfa, 0xbf, 0xb5, 0xda];

    private FixtureBlocks(IReadOnlyList<byte[]> blocks)
    {
        Blocks = blocks;
        Hashes = blocks.Select(b => new uint256(SHA256.HashData(SHA256.HashData(b.AsSpan(0, 80))))).ToArray();
        TotalBytes = blocks.Sum(b => (long)b.Length);
    }

    public IReadOnlyList<byte[]> Blocks { get; }

    public IReadOnlyList<uint256> Hashes { get; }

    public long TotalBytes { get; }

    public static FixtureBlocks Load()
    {
        var path = Environment.GetEnvironmentVariable(PathVariable) ?? DefaultPath;
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The fixture chain is not at {path}; set {PathVariable} to its path.", path);
        }

        using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        var reader = new BlockRecordReader(gzip, path, RegtestMessageStart);
        var blocks = new List<byte[]>();
        while (reader.TryReadNext(out var record))
        {
            blocks.Add(record.Bytes.ToArray());
        }

        return new FixtureBlocks(blocks);
    }
}
