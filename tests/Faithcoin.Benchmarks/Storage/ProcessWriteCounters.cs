using System.Globalization;

namespace Faithcoin.Benchmarks.Storage;

/// <summary>
/// This process's I/O counters from /proc/self/io: wchar counts bytes passed to write calls, write_bytes bytes the
/// kernel accounted for sending to the disk. RocksDB's background flushes and compactions run on threads of this
/// process, so their writes count here too, which is what write amplification is about.
/// </summary>
public readonly record struct ProcessWriteCounters(long WriteCalls, long WriteBytes, long DiskWriteBytes)
{
    public static ProcessWriteCounters Read()
    {
        long wchar = 0, syscw = 0, writeBytes = 0;
        if (File.Exists("/proc/self/io"))
        {
            foreach (var line in File.ReadLines("/proc/self/io"))
            {
                var parts = line.Split(':', 2, StringSplitOptions.TrimEntries);
                var value = long.Parse(parts[1], CultureInfo.InvariantCulture);
                switch (parts[0])
                {
                    case "wchar": wchar = value; break;
                    case "syscw": syscw = value; break;
                    case "write_bytes": writeBytes = value; break;
                }
            }
        }

        return new ProcessWriteCounters(syscw, wchar, writeBytes);
    }

    public static ProcessWriteCounters operator -(ProcessWriteCounters after, ProcessWriteCounters before) =>
        new(after.WriteCalls - before.WriteCalls, after.WriteBytes - before.WriteBytes, after.DiskWriteBytes - before.DiskWriteBytes);
}
