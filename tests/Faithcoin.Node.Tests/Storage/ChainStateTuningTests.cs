using Faithcoin.Node.Storage;
using Xunit;

namespace Faithcoin.Node.Tests.Storage;

/// <summary>
/// The table options reach RocksDB as set: they go in through the native API rather than the wrappers' setters,
/// so nothing but RocksDB's own view of the open database shows that they took.
/// </summary>
public sealed class ChainStateTuningTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public void EveryFamilySharesTheConfiguredBlockCache()
    {
        const long cacheBytes = 3 * ChainStateOptions.MiB;
        using var db = ChainStateDatabase.Open(new ChainStateOptions(_temp.Combine("chainstate")) { BlockCacheBytes = cacheBytes });
        foreach (var family in db.Families.All)
        {
            Assert.Equal(cacheBytes.ToString(System.Globalization.CultureInfo.InvariantCulture), db.Db.GetProperty("rocksdb.block-cache-capacity", family));
        }
    }

    [Fact]
    public void LookupFamiliesHaveBloomFiltersAndAllCacheTheirIndexAndFilterBlocks()
    {
        var path = _temp.Combine("chainstate");
        using (ChainStateDatabase.Open(new ChainStateOptions(path)))
        {
        }

        var options = File.ReadAllLines(Directory.GetFiles(path, "OPTIONS-*").Max(StringComparer.Ordinal)!);
        string Table(string family, string key)
        {
            var section = Array.IndexOf(options, $"[TableOptions/BlockBasedTable \"{family}\"]");
            Assert.True(section >= 0, $"no table options for {family}");
            return options.Skip(section + 1).TakeWhile(l => !l.StartsWith('[')).Select(l => l.Trim())
                .Single(l => l.StartsWith(key + "=", StringComparison.Ordinal))[(key.Length + 1)..];
        }

        Assert.Equal("bloomfilter", Table(ChainStateColumns.Coins, "filter_policy"));
        Assert.Equal("bloomfilter", Table(ChainStateColumns.BlockIndex, "filter_policy"));
        Assert.Equal("nullptr", Table(ChainStateColumns.Undo, "filter_policy"));
        foreach (var family in new[] { ChainStateColumns.Default, ChainStateColumns.BlockIndex, ChainStateColumns.Coins, ChainStateColumns.Undo, ChainStateColumns.Meta })
        {
            Assert.Equal("true", Table(family, "cache_index_and_filter_blocks"));
            Assert.Equal("true", Table(family, "pin_l0_filter_and_index_blocks_in_cache"));
            Assert.Equal("5", Table(family, "format_version"));
        }
    }

    public void Dispose() => _temp.Dispose();
}
