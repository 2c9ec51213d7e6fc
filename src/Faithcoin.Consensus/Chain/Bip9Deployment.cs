namespace Faithcoin.Consensus.Chain;

/// <summary>One BIP9 versionbits deployment: the bit it signals on and its median-time-past window.</summary>
/// <param name="Name">The name getblockchaininfo and getblocktemplate use ("csv", "segwit", "testdummy").</param>
public sealed record Bip9Deployment(DeploymentId Id, string Name, int Bit, long StartTime, long Timeout);
