using Faithcoin.Node.Chain;
using Faithcoin.Node.Mempool;
using NBitcoin;

namespace Faithcoin.Node.Rpc.Methods.RawTransactions;

/// <summary>0.15's CCoinsViewMemPool over pcoinsTip: outputs of pool transactions first, then the chain's UTXO set.</summary>
public sealed class MempoolSpendableCoinSource(ChainManager chain, IMempoolView mempool) : ISpendableCoinSource
{
    public TxOut? FindUnspent(OutPoint outpoint) => mempool.GetOutput(outpoint) ?? chain.GetCoin(outpoint)?.Output;
}
