using NBitcoin;

namespace Faithcoin.Node.Mempool;

/// <summary>
/// One pool entry as getrawmempool verbose and getmempoolentry show it: fees in satoshis, sizes in virtual bytes,
/// <see cref="Time"/> in Unix seconds, <see cref="Height"/> the chain height when it entered, and the in-pool
/// ancestor and descendant aggregates (both including the entry itself, as in 0.15). <see cref="ModifiedFee"/>
/// includes prioritisetransaction's delta. <see cref="Depends"/> are the txids of its in-pool parents.
/// </summary>
public sealed record MempoolEntryView(
    Transaction Transaction,
    uint256 Txid,
    long Fee,
    long ModifiedFee,
    int VirtualSize,
    long Time,
    int Height,
    long DescendantCount,
    long DescendantSize,
    long DescendantFees,
    long AncestorCount,
    long AncestorSize,
    long AncestorFees,
    IReadOnlyList<uint256> Depends);
