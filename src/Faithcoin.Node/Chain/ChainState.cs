using Faithcoin.Consensus.Chain;
using Faithcoin.Consensus.Rules.Deployments;
using Faithcoin.Node.Storage;

namespace Faithcoin.Node.Chain;

/// <summary>
/// The state the chain manager's parts share (Core's CChainState plus the globals around it): the block tree, the
/// active chain, the storage, the coins cache and the deployment cache. Only the thread holding the chain manager's
/// lock touches it, except <see cref="PublishedTip"/>, which readers take as their snapshot.
/// </summary>
internal sealed class ChainState
{
    private volatile BlockIndexEntry? publishedTip;
    private bool latchedOutOfInitialDownload;

    public ChainState(ChainParams chainParams, ChainStateSettings settings, ChainStore store, ChainLog log, TimeProvider time)
    {
        Params = chainParams;
        Settings = settings;
        Store = store;
        Log = log;
        Time = time;
        Coins = new CoinsTip(new CoinsDatabase(store.Database), settings.CoinsCacheBytes);
        RuleSets = new BlockRuleSetProvider(chainParams.Consensus, VersionBitsCache);
        LastFlush = time.GetUtcNow();
    }

    public ChainParams Params { get; }

    public ChainStateSettings Settings { get; }

    public ChainStore Store { get; }

    public ChainLog Log { get; }

    public TimeProvider Time { get; }

    public BlockIndex Index { get; } = new();

    public ActiveChain Active { get; } = new();

    public CoinsTip Coins { get; }

    public VersionBitsCache VersionBitsCache { get; } = new();

    public BlockRuleSetProvider RuleSets { get; }

    public ChainTimings Timings { get; } = new();

    public DateTimeOffset LastFlush { get; set; }

    /// <summary>True while -loadblock or -reindex files are being imported (fImporting / fReindex).</summary>
    public bool Importing { get; set; }

    /// <summary>0.15's fork warnings, checked when the tip moves or a chain is found invalid; none in bare tests.</summary>
    public IForkWarningConditions? ForkWarnings { get; set; }

    /// <summary>CheckForkWarningConditions on the current state.</summary>
    public void CheckForkWarnings()
    {
        if (ForkWarnings is not null && Active.Tip is { } tip)
        {
            ForkWarnings.CheckForkWarningConditions(tip, Index.BestInvalid, IsInitialBlockDownload());
        }
    }

    /// <summary>The last tip the writer finished moving to; what readers see.</summary>
    public BlockIndexEntry? PublishedTip => publishedTip;

    public void PublishTip() => publishedTip = Active.Tip;

    public long NowSeconds => Time.GetUtcNow().ToUnixTimeSeconds();

    /// <summary>0.15's IsInitialBlockDownload: true until the tip is recent and has the minimum work, then latched false.</summary>
    public bool IsInitialBlockDownload()
    {
        if (latchedOutOfInitialDownload)
        {
            return false;
        }

        var tip = Active.Tip;
        if (Importing || tip is null || tip.ChainWork < new System.Numerics.BigInteger(Params.Consensus.MinimumChainWork.ToBytes(), isUnsigned: true))
        {
            return true;
        }

        if (tip.Time < NowSeconds - (long)Settings.MaxTipAge.TotalSeconds)
        {
            return true;
        }

        latchedOutOfInitialDownload = true;
        return false;
    }

    /// <summary>Commits the index entries changed since the last commit (and a block's undo data) to the database.</summary>
    public void CommitIndex(WriteDurability durability, BlockIndexEntry? undoOwner = null, Consensus.Coins.BlockUndo? undo = null)
    {
        var dirty = Index.TakeDirty();
        Store.CommitIndex(dirty, undoOwner, undo, durability);
    }
}
