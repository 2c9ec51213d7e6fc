using System.Runtime.InteropServices;
using System.Text;
using RocksDbSharp;

if (args.Length != 1)
{
    Console.Error.WriteLine("usage: rocksdb-probe <empty-or-missing-directory>");
    return 2;
}

var path = Path.GetFullPath(args[0]);
var key = Encoding.ASCII.GetBytes("probe-key");
var value = Encoding.ASCII.GetBytes($"written by {RuntimeInformation.ProcessArchitecture} on {RuntimeInformation.OSDescription}");

using (var db = RocksDb.Open(new DbOptions().SetCreateIfMissing(true), path))
{
    db.Put(key, value);
    db.Flush(new FlushOptions().SetWaitForFlush(true));
}

// Reopen so the value comes back from the files RocksDB wrote, not from its memtable.
using (var db = RocksDb.Open(new DbOptions(), path))
{
    var read = db.Get(key);
    if (read is null || !read.AsSpan().SequenceEqual(value))
    {
        Console.Error.WriteLine("rocksdb-probe: the value read back differs from the one written");
        return 1;
    }
}

var library = File.ReadLines("/proc/self/maps")
    .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
    .Where(parts => parts.Length >= 6 && parts[5].Contains("librocksdb", StringComparison.Ordinal))
    .Select(parts => parts[5])
    .FirstOrDefault() ?? "(not listed in /proc/self/maps)";
Console.WriteLine($"rocksdb-probe: ok, {RuntimeInformation.ProcessArchitecture}, {library}, {Directory.GetFiles(path).Length} files in {path}");
return 0;
