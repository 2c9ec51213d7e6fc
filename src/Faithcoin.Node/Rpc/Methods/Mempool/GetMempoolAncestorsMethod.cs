using Faithcoin.Node.Mempool;

namespace Faithcoin.Node.Rpc.Methods.Mempool;

/// <summary>getmempoolancestors txid ( verbose ).</summary>
public sealed class GetMempoolAncestorsMethod(TransactionPool pool) : MempoolRelativesMethod(pool)
{
    public override string Name => "getmempoolancestors";

    public override string Help => HelpText(Name, "ancestors");

    protected override HashSet<MempoolEntry> Relatives(MempoolEntry entry) => MempoolGraph.Ancestors(entry);
}
