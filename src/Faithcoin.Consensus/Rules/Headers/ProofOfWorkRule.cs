using Faithcoin.Consensus.Chain;
using Faithcoin.Consensus.Pow;
using Faithcoin.Consensus.Validation;
using NBitcoin;

namespace Faithcoin.Consensus.Rules.Headers;

/// <summary>
/// high-hash (CheckBlockHeader): the header's scrypt hash meets the target its own nBits claims. Context-free;
/// whether nBits is the right target for its place in the chain is <see cref="DifficultyBitsRule"/>'s job.
/// </summary>
public sealed class ProofOfWorkRule
{
    public ValidationError? Check(BlockHeader header, ConsensusParams consensus)
    {
        ArgumentNullException.ThrowIfNull(header);
        return DifficultyCalculator.CheckProofOfWork(header.GetPoWHash(), header.Bits.ToCompact(), consensus)
            ? null
            : new ValidationError("high-hash", 50, Debug: "proof of work failed");
    }
}
