using System.Numerics;
using Faithcoin.Consensus.Pow;

namespace Faithcoin.Node.Rpc.Formatting;

/// <summary>arith_uint256::GetHex for work and targets: 64 lowercase hex digits, most significant first.</summary>
public static class ChainWorkHex
{
    public static string Format(BigInteger value) => CompactTarget.ToUInt256(value).ToString();

    /// <summary>The target that compact bits encode, as getblocktemplate's "target".</summary>
    public static string TargetFromBits(uint bits) => Format(CompactTarget.Decode(bits));
}
