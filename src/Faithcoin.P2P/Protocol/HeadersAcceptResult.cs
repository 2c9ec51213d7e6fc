using Faithcoin.Consensus.Chain;
using Faithcoin.Consensus.Validation;

namespace Faithcoin.P2P.Protocol;

/// <summary>What became of a headers message: the last header now in the index, or why the run was refused.</summary>
public sealed record HeadersAcceptResult(ChainedHeader? Last, ValidationError? Error)
{
    public static HeadersAcceptResult Accepted(ChainedHeader last) => new(last, null);

    public static HeadersAcceptResult Rejected(ValidationError error) => new(null, error);
}
