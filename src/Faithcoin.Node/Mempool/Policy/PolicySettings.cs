namespace Faithcoin.Node.Mempool.Policy;

/// <summary>
/// The relay policy a node runs with, from its options (init.cpp's AppInitParameterInteraction and the wallet's
/// -maxtxfee); the defaults are Litecoin 0.15.0's (<see cref="PolicyDefaults"/>) for main.
/// </summary>
public sealed record PolicySettings
{
    /// <summary>fRequireStandard: !-acceptnonstdtxn; only test and regtest may turn it off.</summary>
    public bool RequireStandard { get; init; } = true;

    /// <summary>-permitbaremultisig: relay bare (non-P2SH) x-of-3 multisig outputs.</summary>
    public bool PermitBareMultisig { get; init; } = true;

    /// <summary>-datacarrier: relay one OP_RETURN output per transaction.</summary>
    public bool AcceptDatacarrier { get; init; } = true;

    /// <summary>-datacarriersize: the largest OP_RETURN script, in bytes (unsigned, as the original stores it).</summary>
    public uint MaxDatacarrierBytes { get; init; } = PolicyDefaults.MaxDatacarrierBytes;

    /// <summary>-dustrelayfee: the rate an output must be worth spending at.</summary>
    public PolicyFeeRate DustRelayFee { get; init; } = new(PolicyDefaults.DustRelayFee);

    /// <summary>-minrelaytxfee: the lowest fee rate relayed and accepted into the pool.</summary>
    public PolicyFeeRate MinRelayTxFee { get; init; } = new(PolicyDefaults.MinRelayTxFee);

    /// <summary>-incrementalrelayfee: the rate a replacement, or a pool that is full, adds per byte.</summary>
    public PolicyFeeRate IncrementalRelayFee { get; init; } = new(PolicyDefaults.IncrementalRelayFee);

    /// <summary>-bytespersigop: virtual bytes charged per sigop; 0 turns the charge off.</summary>
    public uint BytesPerSigOp { get; init; } = PolicyDefaults.BytesPerSigOp;

    /// <summary>-limitancestorcount, -limitancestorsize (kB), -limitdescendantcount, -limitdescendantsize (kB).</summary>
    public long AncestorLimit { get; init; } = PolicyDefaults.AncestorLimit;

    public long AncestorSizeLimitKb { get; init; } = PolicyDefaults.AncestorSizeLimitKb;

    public long DescendantLimit { get; init; } = PolicyDefaults.DescendantLimit;

    public long DescendantSizeLimitKb { get; init; } = PolicyDefaults.DescendantSizeLimitKb;

    /// <summary>-maxmempool, converted to bytes (MB x 10^6).</summary>
    public long MaxMempoolBytes { get; init; } = PolicyDefaults.MaxMempoolMb * 1_000_000L;

    /// <summary>-mempoolexpiry: how long a transaction may stay in the pool.</summary>
    public TimeSpan MempoolExpiry { get; init; } = TimeSpan.FromHours(PolicyDefaults.MempoolExpiryHours);

    /// <summary>-maxorphantx, never below zero.</summary>
    public long MaxOrphanTransactions { get; init; } = PolicyDefaults.MaxOrphanTransactions;

    /// <summary>-mempoolreplacement: accept BIP125 replacements of opted-in transactions.</summary>
    public bool EnableReplacement { get; init; } = PolicyDefaults.EnableReplacement;

    /// <summary>-maxtxfee: sendrawtransaction refuses a larger absolute fee unless allowhighfees is set.</summary>
    public long MaxTxFee { get; init; } = PolicyDefaults.MaxTxFee;

    /// <summary>-whitelistrelay: accept relayed transactions from whitelisted peers even when not relaying.</summary>
    public bool WhitelistRelay { get; init; } = true;

    /// <summary>-whitelistforcerelay: relay whitelisted peers' transactions even if the pool already has them.</summary>
    public bool WhitelistForceRelay { get; init; } = true;
}
