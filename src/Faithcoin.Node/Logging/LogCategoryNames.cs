namespace Faithcoin.Node.Logging;

/// <summary>
/// The names -debug, -debugexclude and the logging RPC accept, in 0.15's table order (util.cpp LogCategories):
/// "0" is none, "1" and "all" are every category, and an empty name (a bare -debug) is every category too.
/// </summary>
public static class LogCategoryNames
{
    private static readonly (LogCategory Category, string Name)[] Table =
    [
        (LogCategory.None, "0"),
        (LogCategory.Net, "net"),
        (LogCategory.Tor, "tor"),
        (LogCategory.Mempool, "mempool"),
        (LogCategory.Http, "http"),
        (LogCategory.Bench, "bench"),
        (LogCategory.Zmq, "zmq"),
        (LogCategory.Db, "db"),
        (LogCategory.Rpc, "rpc"),
        (LogCategory.EstimateFee, "estimatefee"),
        (LogCategory.AddrMan, "addrman"),
        (LogCategory.SelectCoins, "selectcoins"),
        (LogCategory.Reindex, "reindex"),
        (LogCategory.CmpctBlock, "cmpctblock"),
        (LogCategory.Rand, "rand"),
        (LogCategory.Prune, "prune"),
        (LogCategory.Proxy, "proxy"),
        (LogCategory.MempoolRej, "mempoolrej"),
        (LogCategory.Libevent, "libevent"),
        (LogCategory.CoinDb, "coindb"),
        (LogCategory.Qt, "qt"),
        (LogCategory.LevelDb, "leveldb"),
        (LogCategory.All, "1"),
        (LogCategory.All, "all"),
    ];

    /// <summary>The single categories (no "0", "1", "all"), in table order.</summary>
    public static IEnumerable<(LogCategory Category, string Name)> Singles =>
        Table.Where(e => e.Category is not (LogCategory.None or LogCategory.All));

    /// <summary>ListLogCategories: "net, tor, mempool, ...".</summary>
    public static string List() => string.Join(", ", Singles.Select(e => e.Name));

    /// <summary>GetLogCategory: the names are case-sensitive, as in 0.15.</summary>
    public static bool TryParse(string name, out LogCategory category)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0)
        {
            category = LogCategory.All;
            return true;
        }

        foreach (var entry in Table)
        {
            if (entry.Name == name)
            {
                category = entry.Category;
                return true;
            }
        }

        category = LogCategory.None;
        return false;
    }
}
