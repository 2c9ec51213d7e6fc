using NBitcoin;

namespace Faithcoin.Node.Rpc.Formatting;

/// <summary>
/// Where getrawtransaction found a transaction's block, for the fields it appends after "hex": blockhash always,
/// confirmations and time when the block is in the active chain, confirmations 0 when it is indexed on another
/// branch, nothing more when the block is not in the index.
/// </summary>
public sealed record TransactionLocation(uint256 BlockHash, int? Confirmations, long? BlockTime)
{
    public static TransactionLocation InActiveChain(uint256 blockHash, int confirmations, long blockTime) =>
        new(blockHash, confirmations, blockTime);

    public static TransactionLocation OffActiveChain(uint256 blockHash) => new(blockHash, 0, null);

    public static TransactionLocation NotIndexed(uint256 blockHash) => new(blockHash, null, null);
}
