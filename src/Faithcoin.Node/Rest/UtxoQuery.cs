using NBitcoin;

namespace Faithcoin.Node.Rest;

/// <summary>What /rest/getutxos asks: the outpoints, and whether the memory pool's outputs count as well.</summary>
public sealed record UtxoQuery(bool CheckMempool, IReadOnlyList<OutPoint> Outpoints);
