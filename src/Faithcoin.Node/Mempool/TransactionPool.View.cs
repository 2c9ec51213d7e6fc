using NBitcoin;

namespace Faithcoin.Node.Mempool;

/// <summary>The <see cref="IMempoolView"/> side of the pool: snapshots taken under its lock.</summary>
public sealed partial class TransactionPool
{
    public MempoolInfo GetInfo()
    {
        lock (Gate)
        {
            var minFee = Math.Max(GetMinFee(), Settings.MinRelayTxFee.SatoshisPerK);
            return new MempoolInfo(entries.Count, totalSize, usage, Settings.MaxMempoolBytes, minFee);
        }
    }

    public MempoolEntryView? GetEntry(uint256 txid)
    {
        lock (Gate)
        {
            return entries.TryGetValue(txid, out var entry) ? View(entry) : null;
        }
    }

    public IReadOnlyList<MempoolEntryView> GetEntries()
    {
        lock (Gate)
        {
            return entries.Values.Select(View).ToArray();
        }
    }

    public TxOut? GetOutput(OutPoint outpoint)
    {
        ArgumentNullException.ThrowIfNull(outpoint);
        lock (Gate)
        {
            return entries.TryGetValue(outpoint.Hash, out var entry) && outpoint.N < entry.Transaction.Outputs.Count
                ? entry.Transaction.Outputs[(int)outpoint.N]
                : null;
        }
    }

    public Transaction? GetTransaction(uint256 txid) => Find(txid)?.Transaction;

    public bool IsSpent(OutPoint outpoint) => FindSpender(outpoint) is not null;

    private static MempoolEntryView View(MempoolEntry e) => new(
        e.Transaction, e.Txid, e.Fee, e.ModifiedFee, e.VirtualSize, e.Time, e.Height,
        e.DescendantCount, e.DescendantSize, e.DescendantFees, e.AncestorCount, e.AncestorSize, e.AncestorFees,
        e.Parents.Select(p => p.Txid).ToArray());
}
