using Faithcoin.Consensus.Chain;
using NBitcoin;

namespace Faithcoin.Node.Mempool;

/// <summary>
/// mempool.dat in 0.15's layout (DumpMempool / LoadMempool), so a data folder moves between the original and us:
/// version 1 (uint64), entry count (uint64), then per entry the transaction with witness, its entry time and fee
/// delta (int64 each), then the remaining prioritisation deltas as a map (compact size, then txid and int64 pairs).
/// Written to mempool.dat.new and renamed, so a crash mid-write leaves the previous file.
/// </summary>
public static class MempoolFile
{
    public const string FileName = "mempool.dat";

    public const ulong Version = 1;

    public static void Write(string path, IReadOnlyList<MempoolDumpEntry> entries, IReadOnlyDictionary<uint256, long> otherDeltas)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(otherDeltas);
        var temporary = path + ".new";
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            var stream = Stream(file, serializing: true);
            var version = Version;
            stream.ReadWrite(ref version);
            var count = (ulong)entries.Count;
            stream.ReadWrite(ref count);
            foreach (var entry in entries)
            {
                entry.Transaction.ReadWrite(stream);
                var entryTime = entry.Time;
                var delta = entry.FeeDelta;
                stream.ReadWrite(ref entryTime);
                stream.ReadWrite(ref delta);
            }

            var mapCount = (ulong)otherDeltas.Count;
            stream.ReadWriteAsVarInt(ref mapCount);
            foreach (var (txid, amount) in otherDeltas.OrderBy(d => d.Key))
            {
                var hash = txid;
                var value = amount;
                stream.ReadWrite(ref hash);
                stream.ReadWrite(ref value);
            }

            file.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Reads a dump; throws <see cref="InvalidDataException"/> for an unknown version or a damaged file.</summary>
    public static MempoolDump Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        var stream = Stream(file, serializing: false);
        try
        {
            ulong version = 0;
            stream.ReadWrite(ref version);
            if (version != Version)
            {
                throw new InvalidDataException($"unknown mempool.dat version {version}");
            }

            ulong count = 0;
            stream.ReadWrite(ref count);
            var entries = new List<MempoolDumpEntry>();
            for (ulong i = 0; i < count; i++)
            {
                var tx = FaithcoinConsensusFactory.Instance.CreateTransaction();
                tx.ReadWrite(stream);
                long entryTime = 0;
                long delta = 0;
                stream.ReadWrite(ref entryTime);
                stream.ReadWrite(ref delta);
                entries.Add(new MempoolDumpEntry(tx, entryTime, delta));
            }

            ulong mapCount = 0;
            stream.ReadWriteAsVarInt(ref mapCount);
            var deltas = new Dictionary<uint256, long>();
            for (ulong i = 0; i < mapCount; i++)
            {
                var txid = uint256.Zero;
                long amount = 0;
                stream.ReadWrite(ref txid);
                stream.ReadWrite(ref amount);
                deltas[txid] = amount;
            }

            return new MempoolDump(entries, deltas);
        }
        catch (Exception e) when (e is EndOfStreamException or FormatException or ArgumentException or OverflowException)
        {
            throw new InvalidDataException($"damaged mempool.dat: {e.Message}", e);
        }
    }

    private static BitcoinStream Stream(Stream inner, bool serializing) => new(inner, serializing)
    {
        ProtocolVersion = 70015,
        ConsensusFactory = FaithcoinConsensusFactory.Instance,
        TransactionOptions = TransactionOptions.All,
    };
}
