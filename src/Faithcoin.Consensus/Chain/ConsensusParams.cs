using NBitcoin;

namespace Faithcoin.Consensus.Chain;

/// <summary>The consensus-critical parameters of one faithcoin network (Litecoin 0.15's Consensus::Params).</summary>
public sealed record ConsensusParams
{
    public required uint256 GenesisHash { get; init; }
    public required int SubsidyHalvingInterval { get; init; }
    public required int Bip34Height { get; init; }
    public required uint256 Bip34Hash { get; init; }
    public required int Bip65Height { get; init; }
    public required int Bip66Height { get; init; }
    public required int RuleChangeActivationThreshold { get; init; }
    public required int MinerConfirmationWindow { get; init; }
    public required IReadOnlyList<Bip9Deployment> Deployments { get; init; }
    public required uint256 PowLimit { get; init; }
    public required bool PowAllowMinDifficultyBlocks { get; init; }
    public required bool PowNoRetargeting { get; init; }
    public required uint256 MinimumChainWork { get; init; }
    public required uint256? DefaultAssumeValid { get; init; }

    /// <summary>Checkpoints by height; 0.15 only uses them to refuse forks below the last known one.</summary>
    public required IReadOnlyDictionary<int, uint256> Checkpoints { get; init; }

    public long PowTargetSpacing { get; init; } = 150;
    public long PowTargetTimespan { get; init; } = 302400;
    public int CoinbaseMaturity { get; init; } = 100;

    public long DifficultyAdjustmentInterval => PowTargetTimespan / PowTargetSpacing;

    public Bip9Deployment GetDeployment(DeploymentId id) => Deployments.First(d => d.Id == id);
}
