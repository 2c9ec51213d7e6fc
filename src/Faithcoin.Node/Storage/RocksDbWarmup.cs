using RocksDbSharp;

namespace Faithcoin.Node.Storage;

/// <summary>
/// RocksDbSharp binds every native function on first use, which takes a third of a second or more on a Pi-class CPU;
/// started on another thread while the host and the RPC server come up, it is done by the time the chain state opens,
/// instead of delaying the P2P port on every restart.
/// </summary>
internal static class RocksDbWarmup
{
    public static void Start() => _ = Task.Run(() => Native.Instance);
}
