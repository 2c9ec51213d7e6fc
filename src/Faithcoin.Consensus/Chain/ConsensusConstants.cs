namespace Faithcoin.Consensus.Chain;

/// <summary>Limits shared by every faithcoin network (consensus.h and amount.h of Litecoin 0.15).</summary>
public static class ConsensusConstants
{
    public const long Coin = 100_000_000;

    /// <summary>84 million coins: Litecoin's supply, which faithcoin keeps.</summary>
    public const long MaxMoney = 84_000_000 * Coin;

    public const long InitialSubsidy = 50 * Coin;
    public const int MaxBlockSerializedSize = 4_000_000;
    public const int MaxBlockWeight = 4_000_000;
    public const int MaxBlockSigopsCost = 80_000;
    public const int WitnessScaleFactor = 4;
    public const int CoinbaseMaturity = 100;

    /// <summary>Below this a lock time is a height, at or above it a Unix time.</summary>
    public const uint LocktimeThreshold = 500_000_000;

    /// <summary>Blocks may be at most this far ahead of the node's adjusted time.</summary>
    public const long MaxFutureBlockTime = 2 * 60 * 60;

    public const int MedianTimeSpan = 11;
    public const int MinTransactionWeight = WitnessScaleFactor * 60;
    public const int MinSerializableTransactionWeight = WitnessScaleFactor * 10;
}
