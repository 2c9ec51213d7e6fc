using System.Buffers.Binary;
using Faithcoin.Node.Mempool.FeeEstimation;

namespace Faithcoin.Node.Tests.Mempool.FeeEstimation;

/// <summary>fee_estimates.dat: 0.15's layout, estimates unchanged across a write and read, and unreadable files refused whole.</summary>
public sealed class FeeEstimatesFileTests
{
    [Fact]
    public void AWrittenHistoryReadsBackWithTheSameEstimatesInEveryHorizon()
    {
        var original = Trained();
        var bytes = Save(original);
        var restored = BlockPolicyEstimator.Read(new MemoryStream(bytes));

        Assert.Equal(original.BestSeenHeight, restored.BestSeenHeight);
        foreach (var target in new[] { 1, 2, 3, 5, 8, 12, 13, 24, 25, 48, 49, 100, 1008 })
        {
            Assert.Equal(original.EstimateSmartFee(target, conservative: true), restored.EstimateSmartFee(target, conservative: true));
            Assert.Equal(original.EstimateSmartFee(target, conservative: false), restored.EstimateSmartFee(target, conservative: false));
            Assert.Equal(original.EstimateFee(target), restored.EstimateFee(target));
            foreach (var horizon in Enum.GetValues<FeeEstimateHorizon>())
            {
                Assert.Equal(original.EstimateRawFee(target, 0.85, horizon), restored.EstimateRawFee(target, 0.85, horizon));
            }
        }

        Assert.True(original.EstimateSmartFee(6, conservative: true).Found);

        // What was read writes back to the same bytes.
        Assert.Equal(bytes, Save(restored));
    }

    [Fact]
    public void TheLayoutIs015s()
    {
        var estimator = Trained();
        var bytes = Save(estimator);
        Assert.Equal(149900, BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(0)));
        Assert.Equal(150001, BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(4)));
        Assert.Equal((uint)estimator.BestSeenHeight, BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(8)));

        // First recorded block 2 (block 1 confirmed nothing tracked), last the best.
        Assert.Equal(2u, BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(12)));
        Assert.Equal((uint)estimator.BestSeenHeight, BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(16)));

        // 190 buckets: 1000 * 1.05^k up to 10^7, then 1e99.
        Assert.Equal(190, bytes[20]);
        Assert.Equal(1000.0, BinaryPrimitives.ReadDoubleLittleEndian(bytes.AsSpan(21)));
        Assert.Equal(1050.0, BinaryPrimitives.ReadDoubleLittleEndian(bytes.AsSpan(29)));
        Assert.Equal(1e99, BinaryPrimitives.ReadDoubleLittleEndian(bytes.AsSpan(21 + (189 * 8))));

        // The medium statistics come first: decay .9952, scale 2.
        var medium = 21 + (190 * 8);
        Assert.Equal(.9952, BinaryPrimitives.ReadDoubleLittleEndian(bytes.AsSpan(medium)));
        Assert.Equal(2u, BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(medium + 8)));
    }

    [Theory]
    [InlineData(10, "end of file")]
    [InlineData(100, "end of file")]
    public void ATruncatedFileIsRefusedAndTheEstimatorKeepsItsHistory(int length, string message)
    {
        var estimator = Trained();
        var before = estimator.EstimateSmartFee(6, conservative: true);
        var bytes = Save(Trained());

        var error = Assert.Throws<FeeEstimatesFormatException>(() => estimator.Load(new MemoryStream(bytes[..length])));
        Assert.Equal(message, error.Message);
        Assert.Equal(before, estimator.EstimateSmartFee(6, conservative: true));
    }

    [Fact]
    public void CorruptFieldsAreRefusedWith015sReasons()
    {
        var bytes = Save(Trained());
        var medium = 21 + (190 * 8);

        Assert.Equal("up-version (150100) fee estimate file", LoadError(Patched(bytes, 0, BitConverter.GetBytes(150100))));
        Assert.Equal(
            "Corrupt estimates file. Historical block range for estimates is invalid",
            LoadError(Patched(bytes, 12, BitConverter.GetBytes(999_999u))));
        Assert.Equal("Corrupt estimates file. Must have between 2 and 1000 feerate buckets", LoadError(Patched(bytes, 20, [1])));
        Assert.Equal(
            "Corrupt estimates file. Decay must be between 0 and 1 (non-inclusive)",
            LoadError(Patched(bytes, medium, BitConverter.GetBytes(1.0))));
        Assert.Equal("Corrupt estimates file. Scale must be non-zero", LoadError(Patched(bytes, medium + 8, BitConverter.GetBytes(0u))));
        Assert.Equal(
            "Corrupt estimates file.  Must maintain estimates for between 1 and 1008 (one week) confirms",
            LoadError(Patched(bytes, medium + 8, BitConverter.GetBytes(100u))));
        Assert.Equal(
            "Corrupt estimates file. Mismatch in feerate average bucket count",
            LoadError(Patched(bytes, medium + 12, [189])));

        // A count of 2^64 - 1 elements is refused before anything is allocated.
        Assert.StartsWith(
            "Corrupt estimates file. Vector of",
            LoadError(Patched(bytes, 20, [255, 255, 255, 255, 255, 255, 255, 255, 255])),
            StringComparison.Ordinal);

        Assert.Throws<FeeEstimatesFormatException>(() => BlockPolicyEstimator.Read(new MemoryStream("not an estimates file"u8.ToArray())));
        Assert.Throws<FeeEstimatesFormatException>(() => BlockPolicyEstimator.Read(new MemoryStream([])));
    }

    [Fact]
    public void AFileOfTheFormatBefore015IsIgnored()
    {
        var estimator = new BlockPolicyEstimator();
        var old = Patched(Save(Trained()), 0, BitConverter.GetBytes(139900));
        Assert.False(estimator.Load(new MemoryStream(old)));
        Assert.Equal(0, estimator.BestSeenHeight);
    }

    internal static BlockPolicyEstimator Trained()
    {
        var estimator = new BlockPolicyEstimator();
        var pool = new SimulatedPool(estimator);
        pool.MineEmptyBlocks(1);
        var slow = new List<Faithcoin.Node.Mempool.FeeEstimation.FeeEstimatorEntry>();
        for (var block = 0; block < 80; block++)
        {
            // Fast payers confirm in the next block, slow ones after three blocks.
            var fast = Enumerable.Range(0, 4).Select(_ => pool.Add(20_000)).ToList();
            slow.AddRange(Enumerable.Range(0, 4).Select(_ => pool.Add(3_000)));
            var due = slow.Where(e => pool.Height - e.EntryHeight >= 2).ToList();
            slow.RemoveAll(due.Contains);
            pool.MineBlock(fast.Concat(due).Select(e => e.Txid));
        }

        estimator.FlushUnconfirmed();
        return estimator;
    }

    private static byte[] Save(BlockPolicyEstimator estimator)
    {
        using var stream = new MemoryStream();
        estimator.Write(stream);
        return stream.ToArray();
    }

    private static byte[] Patched(byte[] bytes, int offset, byte[] replacement)
    {
        var copy = bytes.ToArray();
        replacement.CopyTo(copy, offset);
        return copy;
    }

    private static string LoadError(byte[] bytes)
    {
        var estimator = new BlockPolicyEstimator();
        var error = Assert.Throws<FeeEstimatesFormatException>(() => estimator.Load(new MemoryStream(bytes)));
        Assert.Equal(0, estimator.BestSeenHeight);
        return error.Message;
    }
}
