using Faithcoin.Node.Mempool;
using Faithcoin.P2P;
using Microsoft.Extensions.DependencyInjection;

namespace Faithcoin.Node.Rest;

/// <summary>
/// The memory pool as REST sees it: the registered <see cref="IMempoolView"/>, or none, in which case REST answers as a
/// node whose pool is empty (no entries, nothing spent, the relay fee as the minimum).
/// </summary>
public sealed class RestMempool(IServiceProvider services, P2POptions relay)
{
    // 0.15's DEFAULT_MAX_MEMPOOL_SIZE, 300 MB, as bytes.
    private const long DefaultMaxMempoolBytes = 300L * 1000 * 1000;

    private readonly Lazy<IMempoolView?> pool = new(services.GetService<IMempoolView>);

    public IMempoolView? Pool => pool.Value;

    public MempoolInfo Info() => Pool?.GetInfo() ?? new MempoolInfo(0, 0, 0, DefaultMaxMempoolBytes, relay.MinRelayTxFeePerKb);

    public IReadOnlyList<MempoolEntryView> Entries() => Pool?.GetEntries() ?? [];
}
