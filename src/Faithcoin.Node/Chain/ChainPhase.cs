namespace Faithcoin.Node.Chain;

/// <summary>The phases <see cref="ChainTimings"/> tells apart.</summary>
public enum ChainPhase
{
    /// <summary>Reading a block file and deserializing blocks.</summary>
    ReadParse,

    /// <summary>CheckBlockHeader and CheckBlock (merkle root, transaction checks).</summary>
    Check,

    /// <summary>AcceptBlock: contextual checks, appending to the block file, committing the index entry.</summary>
    Accept,

    /// <summary>ConnectBlock without scripts: coins look-ups, spends, undo data.</summary>
    Connect,

    /// <summary>Waiting for the block's script checks.</summary>
    Scripts,

    /// <summary>Committing status and undo data, updating the tip, flushing coins when due.</summary>
    Commit,

    /// <summary>-checkblockindex walks.</summary>
    CheckBlockIndex,
}
