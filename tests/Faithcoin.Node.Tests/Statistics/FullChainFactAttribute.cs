namespace Faithcoin.Node.Tests.Statistics;

/// <summary>A fact that runs only where the shared full-chain fixture is mounted, and says so when skipped.</summary>
internal sealed class FullChainFactAttribute : FactAttribute
{
    public FullChainFactAttribute()
    {
        if (!File.Exists(FixtureBlocks.FullChainPath))
        {
            Skip = $"{FixtureBlocks.FullChainPath} is not present; the full-chain UTXO reference cannot be checked here.";
        }
    }
}
