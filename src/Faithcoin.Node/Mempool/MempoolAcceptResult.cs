using Faithcoin.Consensus.Validation;
using NBitcoin;

namespace Faithcoin.Node.Mempool;

/// <summary>
/// What AcceptToMemoryPool made of a transaction: accepted (with the entries it replaced), refused with 0.15's
/// reject reason, code and DoS score, or missing inputs (a candidate orphan: no error, no penalty).
/// <see cref="InternalCode"/> holds 0.15's codes from REJECT_INTERNAL up (REJECT_HIGHFEE), which are reported through
/// RPC but never sent to peers.
/// </summary>
public sealed record MempoolAcceptResult(bool Accepted, ValidationError? Error, int InternalCode, bool MissingInputs, IReadOnlyList<uint256> Replaced)
{
    /// <summary>The code 0.15 prints in "code: reason" (sendrawtransaction's -26 message).</summary>
    public int Code => InternalCode != 0 ? InternalCode : Error is null ? 0 : (int)Error.Code;

    /// <summary>Whether peers get a reject message (codes below REJECT_INTERNAL).</summary>
    public bool IsInternal => InternalCode != 0;

    public static MempoolAcceptResult Accept(IReadOnlyList<uint256> replaced) => new(true, null, 0, false, replaced);

    public static MempoolAcceptResult Reject(ValidationError error) => new(false, error, 0, false, []);

    public static MempoolAcceptResult Missing() => new(false, null, 0, true, []);

    public static MempoolAcceptResult Reject(string reason, RejectCode code, int dos = 0, string? debug = null) =>
        Reject(new ValidationError(reason, dos, code, Debug: debug));

    public static MempoolAcceptResult RejectInternal(string reason, int internalCode, string? debug = null) =>
        new(false, new ValidationError(reason, 0, RejectCode.Invalid, Debug: debug), internalCode, false, []);
}
