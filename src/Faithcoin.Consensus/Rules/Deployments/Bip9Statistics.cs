namespace Faithcoin.Consensus.Rules.Deployments;

/// <summary>
/// Signalling progress in the current period (Core's BIP9Stats), as getblockchaininfo shows for a STARTED
/// deployment.
/// </summary>
/// <param name="Period">Blocks in a signalling period.</param>
/// <param name="Threshold">Signalling blocks a period needs to lock in.</param>
/// <param name="Elapsed">Blocks of the current period up to and including the tip.</param>
/// <param name="Count">Signalling blocks among those.</param>
/// <param name="Possible">Whether the threshold can still be reached in this period.</param>
public readonly record struct Bip9Statistics(int Period, int Threshold, int Elapsed, int Count, bool Possible);
