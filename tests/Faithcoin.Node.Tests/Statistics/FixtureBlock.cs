using NBitcoin;

namespace Faithcoin.Node.Tests.Statistics;

/// <summary>One block of a fixture file: its height, its bytes as the original wrote them, and the parsed block.</summary>
internal sealed record FixtureBlock(int Height, byte[] Raw, Block Block);
