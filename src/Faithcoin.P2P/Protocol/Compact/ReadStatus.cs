namespace Faithcoin.P2P.Protocol.Compact;

/// <summary>0.15's ReadStatus: how a compact block reconstruction step went.</summary>
public enum ReadStatus
{
    Ok,

    /// <summary>The peer sent something no honest peer would: Misbehaving(100).</summary>
    Invalid,

    /// <summary>Could be a short-id collision: fall back to asking for the full block.</summary>
    Failed,

    /// <summary>Reconstructed, but the block itself fails its checks: hand it to validation anyway.</summary>
    CheckBlockFailed,
}
