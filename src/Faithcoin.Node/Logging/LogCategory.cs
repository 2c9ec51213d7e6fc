namespace Faithcoin.Node.Logging;

/// <summary>0.15's debug categories (BCLog::LogFlags), the same bits in the same order.</summary>
[Flags]
public enum LogCategory : uint
{
    None = 0,
    Net = 1u << 0,
    Tor = 1u << 1,
    Mempool = 1u << 2,
    Http = 1u << 3,
    Bench = 1u << 4,
    Zmq = 1u << 5,
    Db = 1u << 6,
    Rpc = 1u << 7,
    EstimateFee = 1u << 8,
    AddrMan = 1u << 9,
    SelectCoins = 1u << 10,
    Reindex = 1u << 11,
    CmpctBlock = 1u << 12,
    Rand = 1u << 13,
    Prune = 1u << 14,
    Proxy = 1u << 15,
    MempoolRej = 1u << 16,
    Libevent = 1u << 17,
    CoinDb = 1u << 18,
    Qt = 1u << 19,
    LevelDb = 1u << 20,
    All = ~0u,
}
