namespace Faithcoin.P2P.Protocol.Bloom;

/// <summary>
/// The low bits of a filter's nFlags (bloom.h bloomflags): what a match in an output adds to the filter, so a
/// light client sees the spends of its coins without reloading its filter.
/// </summary>
public enum BloomUpdate : byte
{
    /// <summary>BLOOM_UPDATE_NONE: matched outputs add nothing.</summary>
    None = 0,

    /// <summary>BLOOM_UPDATE_ALL: every matched output's outpoint is added.</summary>
    All = 1,

    /// <summary>BLOOM_UPDATE_P2PUBKEY_ONLY: only outpoints of matched pay-to-pubkey and bare multisig outputs.</summary>
    PayToPubKeyOnly = 2,

    /// <summary>BLOOM_UPDATE_MASK: the bits of nFlags that select the update rule.</summary>
    Mask = 3,
}
