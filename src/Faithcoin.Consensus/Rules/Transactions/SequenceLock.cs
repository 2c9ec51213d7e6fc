namespace Faithcoin.Consensus.Rules.Transactions;

/// <summary>
/// The last height and median time past at which a transaction is still locked by BIP68 (-1: no lock); it may
/// enter a block whose height is greater and whose parent's median time past is greater.
/// </summary>
public readonly record struct SequenceLock(int MinHeight, long MinTime)
{
    public static SequenceLock None => new(-1, -1);
}
