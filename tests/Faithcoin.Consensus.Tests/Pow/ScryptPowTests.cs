using System.Text.Json;
using Faithcoin.Consensus.Pow;
using Org.BouncyCastle.Crypto.Generators;
using Xunit;

namespace Faithcoin.Consensus.Tests.Pow;

/// <summary>
/// scrypt(1024, 1, 1, 32) proof-of-work hash: Litecoin mainnet vectors, BouncyCastle on random headers and
/// batch/single agreement, on every code path this CPU has.
/// </summary>
public sealed class ScryptPowTests
{
    private const int RandomInputs = 50;

    [Fact]
    public void ScalarMatchesVectors() => CheckVectors(ScryptPath.Scalar);

    [ScryptPathFact(ScryptPath.Vector128x4)]
    public void Vector128x4MatchesVectors() => CheckVectors(ScryptPath.Vector128x4);

    [ScryptPathFact(ScryptPath.Vector256x2)]
    public void Vector256x2MatchesVectors() => CheckVectors(ScryptPath.Vector256x2);

    [ScryptPathFact(ScryptPath.Vector512x2)]
    public void Vector512x2MatchesVectors() => CheckVectors(ScryptPath.Vector512x2);

    [Fact]
    public void ScalarMatchesBouncyCastle() => CheckRandom(ScryptPath.Scalar);

    [ScryptPathFact(ScryptPath.Vector128x4)]
    public void Vector128x4MatchesBouncyCastle() => CheckRandom(ScryptPath.Vector128x4);

    [ScryptPathFact(ScryptPath.Vector256x2)]
    public void Vector256x2MatchesBouncyCastle() => CheckRandom(ScryptPath.Vector256x2);

    [ScryptPathFact(ScryptPath.Vector512x2)]
    public void Vector512x2MatchesBouncyCastle() => CheckRandom(ScryptPath.Vector512x2);

    [Fact]
    public void ScalarBatchEqualsSingle() => CheckBatchSizes(ScryptPath.Scalar);

    [ScryptPathFact(ScryptPath.Vector128x4)]
    public void Vector128x4BatchEqualsSingle() => CheckBatchSizes(ScryptPath.Vector128x4);

    [ScryptPathFact(ScryptPath.Vector256x2)]
    public void Vector256x2BatchEqualsSingle() => CheckBatchSizes(ScryptPath.Vector256x2);

    [ScryptPathFact(ScryptPath.Vector512x2)]
    public void Vector512x2BatchEqualsSingle() => CheckBatchSizes(ScryptPath.Vector512x2);

    [Fact]
    public void PublicApiMatchesVectors()
    {
        var vectors = LoadVectors();
        var headers = new byte[vectors.Count * ScryptPow.HeaderSize];
        var batch = new byte[vectors.Count * ScryptPow.HashSize];
        for (var i = 0; i < vectors.Count; i++)
        {
            var (header, display) = vectors[i];
            var output = new byte[ScryptPow.HashSize];
            ScryptPow.Hash(header, output);
            Assert.Equal(Expected(display), output);
            Assert.Equal(display, ScryptPow.Hash(header).ToString());
            header.CopyTo(headers, i * ScryptPow.HeaderSize);
        }

        ScryptPow.HashBatch(headers, batch);
        for (var i = 0; i < vectors.Count; i++)
        {
            Assert.Equal(Expected(vectors[i].Display), batch.AsSpan(i * ScryptPow.HashSize, ScryptPow.HashSize).ToArray());
        }
    }

    [Fact]
    public void PublicBatchEqualsSingleForEveryBatchSize() => CheckBatchSizes(null);

    [Fact]
    public void HashAllocatesNothing()
    {
        var header = RandomHeaders(1, seed: 7);
        var output = new byte[ScryptPow.HashSize];
        var outputs = new byte[3 * ScryptPow.HashSize];
        var headers = RandomHeaders(3, seed: 8);
        for (var i = 0; i < 3; i++)
        {
            ScryptPow.Hash(header, output);
            ScryptPow.HashBatch(headers, outputs);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 5; i++)
        {
            ScryptPow.Hash(header, output);
        }

        var afterSingle = GC.GetAllocatedBytesForCurrentThread();
        ScryptPow.HashBatch(headers, outputs);
        var afterBatch = GC.GetAllocatedBytesForCurrentThread();
        Assert.Equal(0, afterSingle - before);
        Assert.Equal(0, afterBatch - afterSingle);
    }

    [Fact]
    public void RejectsWrongSizes()
    {
        Assert.Throws<ArgumentException>(() => ScryptPow.Hash(new byte[79], new byte[32]));
        Assert.Throws<ArgumentException>(() => ScryptPow.Hash(new byte[80], new byte[31]));
        Assert.Throws<ArgumentException>(() => ScryptPow.HashBatch(new byte[81], new byte[32]));
        Assert.Throws<ArgumentException>(() => ScryptPow.HashBatch(new byte[160], new byte[32]));
    }

    private static void CheckVectors(ScryptPath path)
    {
        var vectors = LoadVectors();
        Assert.NotEmpty(vectors);
        var output = new byte[ScryptPow.HashSize];
        foreach (var (header, display) in vectors)
        {
            ScryptPow.Hash(header, output, path);
            Assert.Equal(Expected(display), output);
        }
    }

    private static void CheckRandom(ScryptPath path)
    {
        var headers = RandomHeaders(RandomInputs, seed: 20240601);
        var batch = new byte[RandomInputs * ScryptPow.HashSize];
        ScryptPow.HashBatch(headers, batch, path);
        var single = new byte[ScryptPow.HashSize];
        for (var i = 0; i < RandomInputs; i++)
        {
            var header = headers.AsSpan(i * ScryptPow.HeaderSize, ScryptPow.HeaderSize).ToArray();
            var expected = SCrypt.Generate(header, header, 1024, 1, 1, 32);
            Assert.Equal(expected, batch.AsSpan(i * ScryptPow.HashSize, ScryptPow.HashSize).ToArray());
            if (i < 4 || ScryptPow.LanesOf(path) == 1)
            {
                ScryptPow.Hash(header, single, path);
                Assert.Equal(expected, single);
            }
        }
    }

    /// <summary>HashBatch on <paramref name="path"/> (null: the public overload) equals single hashes.</summary>
    private static void CheckBatchSizes(ScryptPath? path)
    {
        foreach (var count in new[] { 1, 2, 3, 4, 5, 7, 8, 17 })
        {
            var headers = RandomHeaders(count, seed: count);
            var outputs = new byte[count * ScryptPow.HashSize];
            if (path is { } forced)
            {
                ScryptPow.HashBatch(headers, outputs, forced);
            }
            else
            {
                ScryptPow.HashBatch(headers, outputs);
            }

            var single = new byte[ScryptPow.HashSize];
            for (var i = 0; i < count; i++)
            {
                ScryptPow.Hash(headers.AsSpan(i * ScryptPow.HeaderSize, ScryptPow.HeaderSize), single);
                Assert.True(
                    single.AsSpan().SequenceEqual(outputs.AsSpan(i * ScryptPow.HashSize, ScryptPow.HashSize)),
                    $"batch of {count}, header {i} differs from the single hash");
            }
        }
    }

    private static byte[] RandomHeaders(int count, int seed)
    {
        var bytes = new byte[count * ScryptPow.HeaderSize];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    /// <summary>The vector file shows the hash byte-reversed, like uint256; the raw output is the reverse.</summary>
    private static byte[] Expected(string display)
    {
        var bytes = Convert.FromHexString(display);
        Array.Reverse(bytes);
        return bytes;
    }

    private static List<(byte[] Header, string Display)> LoadVectors()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "data", "scrypt_pow.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var vectors = new List<(byte[], string)>();
        foreach (var row in document.RootElement.GetProperty("vectors").EnumerateArray())
        {
            var header = Convert.FromHexString(row.GetProperty("header_hex").GetString()!);
            Assert.Equal(ScryptPow.HeaderSize, header.Length);
            vectors.Add((header, row.GetProperty("pow_hash").GetString()!));
        }

        return vectors;
    }
}
