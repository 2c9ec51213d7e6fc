using NBitcoin;

namespace Faithcoin.Node.Rpc.Methods.RawTransactions;

/// <summary>
/// The outputs signrawtransaction and combinerawtransaction may spend (0.15 reads pcoinsTip through the mempool's
/// view). Today that is the chain's UTXO set; the mempool adds its outputs (and hides what it spends) by providing
/// another implementation.
/// </summary>
public interface ISpendableCoinSource
{
    /// <summary>The unspent output at <paramref name="outpoint"/>, or null when there is none.</summary>
    TxOut? FindUnspent(OutPoint outpoint);
}
