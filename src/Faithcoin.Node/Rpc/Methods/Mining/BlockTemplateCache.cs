using Faithcoin.Consensus.Chain;
using Faithcoin.Node.Mining;
using NBitcoin;

namespace Faithcoin.Node.Rpc.Methods.Mining;

/// <summary>
/// getblocktemplate's last template (0.15 keeps it in statics): served again, with a fresh time and a zero nonce,
/// until the tip moves, the mempool changed more than 5 seconds ago, or a caller's segwit support differs.
/// </summary>
public sealed class BlockTemplateCache(TemplateFactory factory, TimeProvider time)
{
    /// <summary>CreateNewBlock's placeholder payout; miners replace the coinbase anyway.</summary>
    private static readonly Script DummyScript = new(OpcodeType.OP_TRUE);

    private readonly Lock gate = new();
    private BlockTemplate? template;
    private ChainedHeader? previous;
    private long created;
    private long transactionsUpdated;
    private bool supportsSegwit = true;

    /// <summary>The mempool's transactions-updated count the template was built with (always 0 until a mempool exists).</summary>
    public long TransactionsUpdated
    {
        get
        {
            lock (gate)
            {
                return transactionsUpdated;
            }
        }
    }

    /// <summary>Runs <paramref name="use"/> on the current template while no other caller can touch it.</summary>
    public T Use<T>(ChainedHeader tip, bool segwit, long mempoolTransactionsUpdated, Func<BlockTemplate, T> use)
    {
        ArgumentNullException.ThrowIfNull(use);
        ArgumentNullException.ThrowIfNull(tip);
        lock (gate)
        {
            var now = time.GetUtcNow().ToUnixTimeSeconds();
            if (template is null || !ReferenceEquals(previous, tip) ||
                (mempoolTransactionsUpdated != transactionsUpdated && now - created > 5) ||
                supportsSegwit != segwit)
            {
                // Cleared first, so a failure below makes the next call build afresh.
                previous = null;
                transactionsUpdated = mempoolTransactionsUpdated;
                created = now;
                supportsSegwit = segwit;
                template = factory.Create(DummyScript, segwit);
                previous = template.Previous;
            }

            factory.Refresh(template);
            template.Block.Header.Nonce = 0;
            return use(template);
        }
    }
}
