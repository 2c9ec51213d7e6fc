using Faithcoin.Consensus.Validation;
using NBitcoin;

namespace Faithcoin.Node.Mempool;

/// <summary>
/// The standardness rules acceptance applies on top of consensus (0.15's policy.cpp), behind one seam so the pool
/// does not depend on how each rule is written. Every check answers 0.15's reject reason or null.
/// </summary>
public interface ITransactionPolicy
{
    /// <summary>-acceptnonstdtxn's opposite: when false the standardness checks are skipped (test networks' default).</summary>
    bool RequireStandard { get; }

    /// <summary>IsStandardTx: version, weight, scriptSig size and push-only, output types, dust, data carriers.</summary>
    ValidationError? CheckStandard(Transaction tx);

    /// <summary>AreInputsStandard: spent output types and the P2SH sigop limit.</summary>
    bool AreInputsStandard(Transaction tx, IReadOnlyList<TxOut> spentOutputs);

    /// <summary>IsWitnessStandard: witness stack and script size limits.</summary>
    bool IsWitnessStandard(Transaction tx, IReadOnlyList<TxOut> spentOutputs);

    /// <summary>GetVirtualTransactionSize with -bytespersigop: the size fees and limits are measured in.</summary>
    int VirtualSize(Transaction tx, long sigOpCost);
}
