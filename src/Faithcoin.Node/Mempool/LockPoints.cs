namespace Faithcoin.Node.Mempool;

/// <summary>
/// 0.15's LockPoints: the height and time a transaction's BIP68 locks need, valid while the chain keeps the block
/// at <see cref="MaxInputHeight"/>; a reorg below it makes the mempool recompute them.
/// </summary>
public readonly record struct LockPoints(int Height, long Time, int MaxInputHeight);
