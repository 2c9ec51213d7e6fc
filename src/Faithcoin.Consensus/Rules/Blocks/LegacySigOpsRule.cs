using Faithcoin.Consensus.Chain;
using Faithcoin.Consensus.Scripting;
using Faithcoin.Consensus.Validation;
using NBitcoin;

namespace Faithcoin.Consensus.Rules.Blocks;

/// <summary>
/// bad-blk-sigops (context-free part): legacy-counted sigops, scaled by 4, within the block sigop cost limit.
/// The full cost with P2SH and witness sigops is checked while connecting, when the spent outputs are known.
/// </summary>
public sealed class LegacySigOpsRule : IBlockRule
{
    public ValidationError? Check(Block block)
    {
        long sigOps = 0;
        foreach (var tx in block.Transactions)
        {
            sigOps += SigOpCounter.LegacyCount(tx);
        }

        return sigOps * ConsensusConstants.WitnessScaleFactor > ConsensusConstants.MaxBlockSigopsCost
            ? new ValidationError("bad-blk-sigops", 100, Debug: "out-of-bounds SigOpCount")
            : null;
    }
}
