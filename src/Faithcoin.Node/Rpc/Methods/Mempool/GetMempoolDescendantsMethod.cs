using Faithcoin.Node.Mempool;

namespace Faithcoin.Node.Rpc.Methods.Mempool;

/// <summary>getmempooldescendants txid ( verbose ).</summary>
public sealed class GetMempoolDescendantsMethod(TransactionPool pool) : MempoolRelativesMethod(pool)
{
    public override string Name => "getmempooldescendants";

    public override string Help => HelpText(Name, "descendants");

    protected override HashSet<MempoolEntry> Relatives(MempoolEntry entry) => MempoolGraph.Descendants(entry);
}
