using System.Buffers.Binary;

namespace Faithcoin.Node.Mempool.FeeEstimation;

/// <summary>
/// fee_estimates.dat in 0.15's serialization, so a file moves between faithcoind and the original: little-endian
/// int32 version needed to read (149900) and version that wrote, uint32 best seen height, uint32 first and last
/// height of the history, the bucket bounds, then the medium, short and long statistics, each as double decay,
/// uint32 scale and the vectors of <see cref="ConfirmStatsData"/>. Doubles are their IEEE bits, vectors a
/// CompactSize count then the elements. Reading checks what 0.15 checks, with its messages.
/// </summary>
public static class FeeEstimatesFile
{
    public const string FileName = "fee_estimates.dat";

    /// <summary>The 0.15 format's version: readers older than 0.14.99 cannot read it.</summary>
    public const int RequiredVersion = 149900;

    /// <summary>faithcoind's CLIENT_VERSION (0.15.0.1), written as the version that wrote the file.</summary>
    public const int WriterVersion = 150001;

    // 0.15 counts confirmations for one week of Bitcoin blocks at most; no vector in a valid file is longer.
    private const int MaxConfirms = 6 * 24 * 7;
    private const int MaxBuckets = 1000;

    public static void Write(Stream stream, EstimatorState state)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(state);
        using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        writer.Write(RequiredVersion);
        writer.Write(WriterVersion);
        writer.Write((uint)state.BestSeenHeight);
        writer.Write((uint)state.HistoricalFirst);
        writer.Write((uint)state.HistoricalBest);
        WriteVector(writer, state.BucketBounds);
        foreach (var stats in new[] { state.Medium, state.Short, state.Long })
        {
            writer.Write(stats.Decay);
            writer.Write((uint)stats.Scale);
            WriteVector(writer, stats.FeeRateAverage);
            WriteVector(writer, stats.TransactionCountAverage);
            WriteMatrix(writer, stats.ConfirmedAverage);
            WriteMatrix(writer, stats.FailedAverage);
        }
    }

    /// <summary>The saved state, or null for a file of the format before 0.15 (which 0.15 ignores too).</summary>
    public static EstimatorState? Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            using var reader = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
            var required = reader.ReadInt32();
            reader.ReadInt32();
            if (required > WriterVersion)
            {
                throw new FeeEstimatesFormatException($"up-version ({required}) fee estimate file");
            }

            var best = ReadHeight(reader);
            if (required < RequiredVersion)
            {
                return null;
            }

            var first = ReadHeight(reader);
            var last = ReadHeight(reader);
            if (first > last || last > best)
            {
                throw new FeeEstimatesFormatException("Corrupt estimates file. Historical block range for estimates is invalid");
            }

            var bounds = ReadVector(reader);
            if (bounds.Length <= 1 || bounds.Length > MaxBuckets)
            {
                throw new FeeEstimatesFormatException("Corrupt estimates file. Must have between 2 and 1000 feerate buckets");
            }

            if (bounds.Where((bound, i) => !double.IsFinite(bound) || (i > 0 && bound <= bounds[i - 1])).Any())
            {
                throw new FeeEstimatesFormatException("Corrupt estimates file. Feerate buckets must be increasing");
            }

            var medium = ReadStats(reader, bounds.Length);
            var shortTerm = ReadStats(reader, bounds.Length);
            var longTerm = ReadStats(reader, bounds.Length);
            return new EstimatorState(best, first, last, bounds, medium, shortTerm, longTerm);
        }
        catch (EndOfStreamException e)
        {
            throw new FeeEstimatesFormatException("end of file", e);
        }
    }

    private static ConfirmStatsData ReadStats(BinaryReader reader, int bucketCount)
    {
        var decay = reader.ReadDouble();
        if (!(decay > 0 && decay < 1))
        {
            throw new FeeEstimatesFormatException("Corrupt estimates file. Decay must be between 0 and 1 (non-inclusive)");
        }

        var scale = reader.ReadUInt32();
        if (scale == 0)
        {
            throw new FeeEstimatesFormatException("Corrupt estimates file. Scale must be non-zero");
        }

        var feeRates = ReadVector(reader);
        if (feeRates.Length != bucketCount)
        {
            throw new FeeEstimatesFormatException("Corrupt estimates file. Mismatch in feerate average bucket count");
        }

        var counts = ReadVector(reader);
        if (counts.Length != bucketCount)
        {
            throw new FeeEstimatesFormatException("Corrupt estimates file. Mismatch in tx count bucket count");
        }

        var confirmed = ReadMatrix(reader);
        if (confirmed.Length == 0 || (long)scale * confirmed.Length > MaxConfirms)
        {
            throw new FeeEstimatesFormatException("Corrupt estimates file.  Must maintain estimates for between 1 and 1008 (one week) confirms");
        }

        if (confirmed.Any(row => row.Length != bucketCount))
        {
            throw new FeeEstimatesFormatException("Corrupt estimates file. Mismatch in feerate conf average bucket count");
        }

        var failed = ReadMatrix(reader);
        if (failed.Length != confirmed.Length)
        {
            throw new FeeEstimatesFormatException("Corrupt estimates file. Mismatch in confirms tracked for failures");
        }

        if (failed.Any(row => row.Length != bucketCount))
        {
            throw new FeeEstimatesFormatException("Corrupt estimates file. Mismatch in one of failure average bucket counts");
        }

        return new ConfirmStatsData(decay, (int)scale, feeRates, counts, confirmed, failed);
    }

    private static int ReadHeight(BinaryReader reader)
    {
        var height = reader.ReadUInt32();
        return height <= int.MaxValue
            ? (int)height
            : throw new FeeEstimatesFormatException("Corrupt estimates file. Height out of range");
    }

    private static double[] ReadVector(BinaryReader reader)
    {
        var count = ReadCount(reader);
        var values = new double[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = reader.ReadDouble();
        }

        return values;
    }

    private static double[][] ReadMatrix(BinaryReader reader)
    {
        var count = ReadCount(reader);
        var rows = new double[count][];
        for (var i = 0; i < count; i++)
        {
            rows[i] = ReadVector(reader);
        }

        return rows;
    }

    // Bounded before allocating, so a corrupt count cannot ask for gigabytes.
    private static int ReadCount(BinaryReader reader)
    {
        var first = reader.ReadByte();
        ulong count = first switch
        {
            < 253 => first,
            253 => reader.ReadUInt16(),
            254 => reader.ReadUInt32(),
            _ => reader.ReadUInt64(),
        };
        return count <= MaxConfirms
            ? (int)count
            : throw new FeeEstimatesFormatException($"Corrupt estimates file. Vector of {count} elements");
    }

    private static void WriteCount(BinaryWriter writer, int count)
    {
        Span<byte> buffer = stackalloc byte[3];
        if (count < 253)
        {
            writer.Write((byte)count);
            return;
        }

        buffer[0] = 253;
        BinaryPrimitives.WriteUInt16LittleEndian(buffer[1..], (ushort)count);
        writer.Write(buffer);
    }

    private static void WriteVector(BinaryWriter writer, IReadOnlyList<double> values)
    {
        WriteCount(writer, values.Count);
        foreach (var value in values)
        {
            writer.Write(value);
        }
    }

    private static void WriteMatrix(BinaryWriter writer, double[][] rows)
    {
        WriteCount(writer, rows.Length);
        foreach (var row in rows)
        {
            WriteVector(writer, row);
        }
    }
}
