using NBitcoin;

namespace Faithcoin.Node.Statistics;

/// <summary>gettxoutsetinfo's figures (Core 0.15's CCoinsStats).</summary>
/// <param name="Transactions">Transactions with at least one unspent output.</param>
/// <param name="TransactionOutputs">Unspent outputs.</param>
/// <param name="BogoSize">A database-independent size: 50 bytes per output plus its scriptPubKey.</param>
/// <param name="HashSerialized">hash_serialized_2: double SHA-256 over the best block and every coin.</param>
/// <param name="DiskSize">The coins database's own size estimate.</param>
/// <param name="TotalAmount">Satoshis in all unspent outputs.</param>
public sealed record UtxoSetStatistics(
    int Height,
    uint256 BestBlock,
    long Transactions,
    long TransactionOutputs,
    long BogoSize,
    uint256 HashSerialized,
    long DiskSize,
    long TotalAmount);
