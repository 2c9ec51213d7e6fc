using Faithcoin.Node.Mempool;
using Faithcoin.Node.Rpc.Methods.Blockchain;
using NBitcoin;

namespace Faithcoin.Node.Rpc.Methods.Mempool;

/// <summary>The txid argument of the entry methods: ParseHashV, then -5 "Transaction not in mempool".</summary>
public static class MempoolTxidArgument
{
    public static (uint256 Txid, MempoolEntryView Entry) Resolve(IMempoolView mempool, RpcParameters parameters, int index)
    {
        ArgumentNullException.ThrowIfNull(mempool);
        var txid = HashArguments.ParseStrict(parameters, index, "parameter 1");
        var entry = mempool.GetEntry(txid) ?? throw new RpcException(RpcErrorCode.InvalidAddressOrKey, "Transaction not in mempool");
        return (txid, entry);
    }
}
