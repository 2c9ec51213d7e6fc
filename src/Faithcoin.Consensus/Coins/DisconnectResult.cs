namespace Faithcoin.Consensus.Coins;

/// <summary>0.15's DisconnectResult.</summary>
public enum DisconnectResult
{
    /// <summary>Every output and restored input matched the undo data.</summary>
    Ok,

    /// <summary>Rolled back, but something did not match (an output missing or different, an input overwritten).</summary>
    Unclean,

    /// <summary>The undo data does not fit the block; the view must not be used.</summary>
    Failed,
}
