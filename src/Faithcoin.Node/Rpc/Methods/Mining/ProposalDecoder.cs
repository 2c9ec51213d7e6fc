using Faithcoin.Consensus.Chain;
using NBitcoin;

namespace Faithcoin.Node.Rpc.Methods.Mining;

/// <summary>
/// 0.15's DecodeHexBlk for BIP23 proposals: unlike submitblock, a block without a leading coinbase decodes and is
/// left for the block rules to refuse (bad-cb-missing).
/// </summary>
internal static class ProposalDecoder
{
    public static Block Decode(string hex)
    {
        if (hex.Length == 0 || hex.Length % 2 != 0 || !hex.All(char.IsAsciiHexDigit))
        {
            throw DecodeFailed();
        }

        try
        {
            return Block.Load(Convert.FromHexString(hex), FaithcoinConsensusFactory.Instance);
        }
        catch (Exception e) when (e is FormatException or IOException or ArgumentException or InvalidOperationException or OverflowException)
        {
            throw DecodeFailed();
        }
    }

    private static RpcException DecodeFailed() => new(RpcErrorCode.DeserializationError, "Block decode failed");
}
