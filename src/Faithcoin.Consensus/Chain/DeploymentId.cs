namespace Faithcoin.Consensus.Chain;

/// <summary>The BIP9 deployments faithcoin 0.15 knows, in the order of its consensus parameters.</summary>
public enum DeploymentId
{
    TestDummy = 0,
    Csv = 1,
    Segwit = 2,
}
