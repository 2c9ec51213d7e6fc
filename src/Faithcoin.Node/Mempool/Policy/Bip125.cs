using NBitcoin;

namespace Faithcoin.Node.Mempool.Policy;

/// <summary>BIP125 signalling: a transaction opts in to replacement when any input's nSequence is below 0xfffffffe.</summary>
public static class Bip125
{
    public static bool SignalsOptInRbf(Transaction tx)
    {
        ArgumentNullException.ThrowIfNull(tx);
        return tx.Inputs.Any(input => (uint)input.Sequence <= PolicyDefaults.MaxBip125RbfSequence);
    }
}
