using Faithcoin.Consensus.Chain;

namespace Faithcoin.Node.Mining;

/// <summary>Limits for assembled blocks (0.15's -blockmaxweight, -blockmaxsize as weight, -blockmintxfee).</summary>
public sealed record BlockAssemblerOptions
{
    /// <summary>DEFAULT_BLOCK_MAX_WEIGHT: a quarter below the consensus limit unless the operator raises it.</summary>
    public const long DefaultMaxWeight = 3_000_000;

    /// <summary>Room kept for the coinbase (0.15 starts its weight and sigop counters there).</summary>
    public const long CoinbaseReservedWeight = 4_000;

    public const long CoinbaseReservedSigOpsCost = 400;

    /// <summary>DEFAULT_BLOCK_MIN_TX_FEE of Litecoin, satoshis per 1,000 vbytes.</summary>
    public const long DefaultMinFeePerKilobyte = 100_000;

    private readonly long maxWeight = DefaultMaxWeight;

    /// <summary>-blockversion: a fixed header version for testing forks, honoured on regtest only as in 0.15.</summary>
    public int? VersionOverride { get; init; }

    /// <summary>Packages paying less than this rate are left out of templates.</summary>
    public long MinFeePerKilobyte { get; init; } = DefaultMinFeePerKilobyte;

    /// <summary>Clamped like 0.15 to [4000, MAX_BLOCK_WEIGHT - 4000].</summary>
    public long MaxWeight
    {
        get => maxWeight;
        init => maxWeight = Math.Clamp(value, CoinbaseReservedWeight, ConsensusConstants.MaxBlockWeight - CoinbaseReservedWeight);
    }
}
