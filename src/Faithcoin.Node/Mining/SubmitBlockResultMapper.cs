using System.Text.Json.Nodes;
using Faithcoin.Node.Rpc;

namespace Faithcoin.Node.Mining;

/// <summary>
/// submitblock's BIP22 answers as 0.15 gives them: null when the block was accepted, "duplicate",
/// "duplicate-invalid", "duplicate-inconclusive", "inconclusive", or the reject reason ("rejected" when there is
/// none). A system error during validation is an RPC error (-25) instead.
/// </summary>
public static class SubmitBlockResultMapper
{
    /// <summary>The answer given without processing the block, or null when it must be processed.</summary>
    public static string? BeforeProcessing(KnownBlockState known) => known switch
    {
        KnownBlockState.FullyValidated => "duplicate",
        KnownBlockState.Failed => "duplicate-invalid",
        _ => null,
    };

    /// <param name="known">What the index knew before (<see cref="KnownBlockState.Unknown"/> or <see cref="KnownBlockState.HeaderOnly"/>).</param>
    /// <param name="accepted">ProcessNewBlock's return value.</param>
    /// <param name="checkedState">The state the chain reported for this block, or null when it reported none.</param>
    /// <exception cref="RpcException">-25 with the reason when validation hit a system error.</exception>
    public static JsonNode? AfterProcessing(KnownBlockState known, bool accepted, BlockCheckedState? checkedState)
    {
        if (known != KnownBlockState.Unknown)
        {
            return accepted && checkedState is null ? "duplicate-inconclusive" : "duplicate";
        }

        if (checkedState is null)
        {
            return "inconclusive";
        }

        return checkedState.Kind switch
        {
            BlockCheckedKind.Valid => null,
            BlockCheckedKind.Error => throw new RpcException(RpcErrorCode.VerifyError, checkedState.RejectReason),
            _ => checkedState.RejectReason.Length == 0 ? "rejected" : checkedState.RejectReason,
        };
    }
}
