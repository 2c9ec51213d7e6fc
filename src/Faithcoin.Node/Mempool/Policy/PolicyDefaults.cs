using Faithcoin.Consensus.Chain;

namespace Faithcoin.Node.Mempool.Policy;

/// <summary>
/// The relay policy constants and option defaults of Litecoin 0.15.0 (policy.h, validation.h, net_processing.h),
/// which faithcoin 0.15.0.1 keeps. Fee rates are in satoshis per 1,000 (virtual) bytes. Litecoin 0.15.0 still
/// had the 0.001 LTC/kB minimum relay fee (0.15.1 lowered it) but Bitcoin 0.15's dust rate, and it turns BIP125
/// replacement off by default.
/// </summary>
public static class PolicyDefaults
{
    /// <summary>DEFAULT_MIN_RELAY_TX_FEE: 0.001 coins per kB.</summary>
    public const long MinRelayTxFee = 100_000;

    /// <summary>
    /// DUST_RELAY_TX_FEE: Litecoin's 100,000 (its help shows "default: 0.001"), so a P2PKH output is dust below
    /// 18,200 satoshis; Litecoin 0.15 nodes were reported refusing 10,000-litoshi outputs as dust, which Bitcoin's
    /// 3,000 would not.
    /// </summary>
    public const long DustRelayFee = 100_000;

    /// <summary>DEFAULT_INCREMENTAL_RELAY_FEE.</summary>
    public const long IncrementalRelayFee = 1_000;

    /// <summary>DEFAULT_TRANSACTION_MAXFEE (-maxtxfee): 0.1 coins.</summary>
    public const long MaxTxFee = ConsensusConstants.Coin / 10;

    /// <summary>HIGH_MAX_TX_FEE: above this -maxtxfee only draws a warning.</summary>
    public const long HighMaxTxFee = 100 * (ConsensusConstants.Coin / 100);

    /// <summary>MAX_STANDARD_TX_WEIGHT: a standard transaction weighs less than this.</summary>
    public const int MaxStandardTxWeight = 400_000;

    /// <summary>MAX_STANDARD_VERSION of CTransaction.</summary>
    public const int MaxStandardVersion = 2;

    /// <summary>The largest standard scriptSig: a 15-of-15 P2SH multisig spend, rounded up.</summary>
    public const int MaxStandardScriptSigSize = 1_650;

    /// <summary>MAX_P2SH_SIGOPS: sigops a standard P2SH redeem script may hold.</summary>
    public const int MaxP2shSigOps = 15;

    /// <summary>MAX_STANDARD_TX_SIGOPS_COST: a fifth of a block's.</summary>
    public const int MaxStandardTxSigOpsCost = ConsensusConstants.MaxBlockSigopsCost / 5;

    /// <summary>MAX_STANDARD_P2WSH_STACK_ITEMS, MAX_STANDARD_P2WSH_STACK_ITEM_SIZE, MAX_STANDARD_P2WSH_SCRIPT_SIZE.</summary>
    public const int MaxStandardP2wshStackItems = 100;

    public const int MaxStandardP2wshStackItemSize = 80;

    public const int MaxStandardP2wshScriptSize = 3_600;

    /// <summary>MAX_OP_RETURN_RELAY (-datacarriersize): the whole OP_RETURN script, opcode and pushes.</summary>
    public const uint MaxDatacarrierBytes = 83;

    /// <summary>DEFAULT_BYTES_PER_SIGOP.</summary>
    public const uint BytesPerSigOp = 20;

    /// <summary>DEFAULT_ANCESTOR_LIMIT, DEFAULT_ANCESTOR_SIZE_LIMIT (kB), and the descendant pair.</summary>
    public const int AncestorLimit = 25;

    public const int AncestorSizeLimitKb = 101;

    public const int DescendantLimit = 25;

    public const int DescendantSizeLimitKb = 101;

    /// <summary>DEFAULT_MAX_MEMPOOL_SIZE in MB (10^6 bytes).</summary>
    public const int MaxMempoolMb = 300;

    /// <summary>DEFAULT_MEMPOOL_EXPIRY in hours.</summary>
    public const int MempoolExpiryHours = 336;

    /// <summary>DEFAULT_MAX_ORPHAN_TRANSACTIONS.</summary>
    public const int MaxOrphanTransactions = 100;

    /// <summary>DEFAULT_ENABLE_REPLACEMENT (-mempoolreplacement): Litecoin's default is off, unlike Bitcoin's.</summary>
    public const bool EnableReplacement = false;

    /// <summary>MAX_BIP125_RBF_SEQUENCE: an input with this nSequence or lower signals replaceability.</summary>
    public const uint MaxBip125RbfSequence = 0xfffffffd;

    /// <summary>The most transactions (with descendants) one replacement may evict.</summary>
    public const int MaxReplacementEvictions = 100;
}
