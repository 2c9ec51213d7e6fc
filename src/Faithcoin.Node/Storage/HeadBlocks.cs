using NBitcoin;

namespace Faithcoin.Node.Storage;

/// <summary>
/// Marker of a flush split over several batches (Core 0.15's DB_HEAD_BLOCKS): the coins column family holds a mix of
/// the state at <see cref="OldTip"/> and at <see cref="NewTip"/>. Start-up rolls back to the fork point and
/// replays forward to <see cref="NewTip"/>; coin writes are idempotent, so the replay ends in a consistent state.
/// </summary>
public sealed record HeadBlocks(uint256 NewTip, uint256 OldTip);
