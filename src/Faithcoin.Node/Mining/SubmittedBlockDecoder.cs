using Faithcoin.Consensus.Chain;
using Faithcoin.Node.Rpc;
using NBitcoin;

namespace Faithcoin.Node.Mining;

/// <summary>
/// submitblock's decoding (0.15's DecodeHexBlk plus its coinbase check): hex of even length, a block with
/// witness serialization allowed and trailing bytes ignored, whose first transaction is a coinbase.
/// </summary>
public static class SubmittedBlockDecoder
{
    /// <exception cref="RpcException">-22 "Block decode failed" or "Block does not start with a coinbase".</exception>
    public static Block Decode(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        if (hex.Length == 0 || hex.Length % 2 != 0 || !hex.All(char.IsAsciiHexDigit))
        {
            throw DecodeFailed();
        }

        Block block;
        try
        {
            block = Block.Load(Convert.FromHexString(hex), FaithcoinConsensusFactory.Instance);
        }
        catch (Exception e) when (e is FormatException or IOException or ArgumentException or InvalidOperationException or OverflowException)
        {
            throw DecodeFailed();
        }

        if (block.Transactions.Count == 0 || !block.Transactions[0].IsCoinBase)
        {
            throw new RpcException(RpcErrorCode.DeserializationError, "Block does not start with a coinbase");
        }

        return block;
    }

    private static RpcException DecodeFailed() => new(RpcErrorCode.DeserializationError, "Block decode failed");
}
