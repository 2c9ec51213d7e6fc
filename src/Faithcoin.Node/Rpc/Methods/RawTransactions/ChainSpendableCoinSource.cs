using Faithcoin.Node.Chain;
using NBitcoin;

namespace Faithcoin.Node.Rpc.Methods.RawTransactions;

/// <summary>The chain's UTXO set (ChainManager's coins cache over the database) as the source of spendable outputs.</summary>
public sealed class ChainSpendableCoinSource(ChainManager chain) : ISpendableCoinSource
{
    public TxOut? FindUnspent(OutPoint outpoint) => chain.GetCoin(outpoint)?.Output;
}
