using System.Globalization;
using Faithcoin.Consensus.Chain;
using Faithcoin.Node.Chain;
using NBitcoin;

namespace Faithcoin.Node.Configuration;

/// <summary>
/// Binds the chain state options (-dbcache, -par, -loadblock, -reindex, -reindex-chainstate, -checkblockindex,
/// -assumevalid, -txindex, -prune) with 0.15's ranges and combinations; malformed values stop the start, naming the
/// option and where it was written.
/// </summary>
public static class ChainStateOptionsBinder
{
    /// <summary>0.15's MIN_DISK_SPACE_FOR_BLOCK_FILES in MiB: the smallest automatic prune target.</summary>
    public const long MinPruneTargetMiB = 550;

    /// <summary>-fastprune's block file size (a later Core's debug option): many small files for pruning tests.</summary>
    public const long FastPruneBlockFileSize = 64 * 1024;

    public static ChainStateSettings Bind(ArgsStore args, ChainParams chain, ICollection<ArgValue> notYetUsed)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(notYetUsed);
        var dbCache = GetInt(args, "dbcache", ChainStateSettings.DefaultDbCacheMiB);
        var par = GetInt(args, "par", 0);
        var prune = GetInt(args, "prune", 0);
        var txIndex = NodeOptionsBinder.GetBool(args, "txindex", false);
        if (prune < 0)
        {
            throw new ConfigurationException("Prune cannot be configured with a negative value.");
        }

        if (prune > 1 && prune < MinPruneTargetMiB)
        {
            throw new ConfigurationException($"Prune configured below the minimum of {MinPruneTargetMiB} MiB.  Please use a higher number.");
        }

        if (prune != 0 && txIndex)
        {
            throw new ConfigurationException("Prune mode is incompatible with -txindex.");
        }

        return new ChainStateSettings
        {
            DbCacheMiB = (int)Math.Clamp(dbCache, ChainStateSettings.MinDbCacheMiB, ChainStateSettings.MaxDbCacheMiB),
            ScriptThreads = ScriptVerifier.ThreadsFromParameter((int)Math.Clamp(par, -1000, 1000), Environment.ProcessorCount),
            AssumeValid = GetAssumeValid(args, chain),
            CheckBlockIndex = NodeOptionsBinder.GetBool(args, "checkblockindex", chain.DefaultConsistencyChecks),
            LoadBlockFiles = args.GetAll("loadblock").Select(a => Path.GetFullPath(a.Value)).ToArray(),
            Reindex = NodeOptionsBinder.GetBool(args, "reindex", false),
            ReindexChainState = NodeOptionsBinder.GetBool(args, "reindex-chainstate", false),
            TxIndex = txIndex,
            PruneMiB = prune,
            MaxBlockFileSize = NodeOptionsBinder.GetBool(args, "fastprune", false) ? FastPruneBlockFileSize : new ChainStateSettings().MaxBlockFileSize,
            CheckpointsEnabled = NodeOptionsBinder.GetBool(args, "checkpoints", true),
            MaxTipAge = TimeSpan.FromSeconds(Math.Max(0, GetInt(args, "maxtipage", (long)new ChainStateSettings().MaxTipAge.TotalSeconds))),
        };
    }

    private static long GetInt(ArgsStore args, string name, long defaultValue)
    {
        var arg = args.Get(name);
        if (arg is null)
        {
            return defaultValue;
        }

        return ArgParsing.TryParseInt64(arg.Value, out var value)
            ? value
            : throw new ConfigurationException($"Invalid value for -{name}: '{arg.Value}' (expected a number) ({arg.Source})");
    }

    private static uint256? GetAssumeValid(ArgsStore args, ChainParams chain)
    {
        var arg = args.Get("assumevalid");
        if (arg is null)
        {
            return chain.Consensus.DefaultAssumeValid;
        }

        var text = arg.Value.Trim();
        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            text = text[2..];
        }

        if (text.Length is 0 or > 64 || !text.All(Uri.IsHexDigit))
        {
            throw new ConfigurationException($"Invalid value for -assumevalid: '{arg.Value}' (expected a block hash, or 0) ({arg.Source})");
        }

        var hash = uint256.Parse(text.PadLeft(64, '0'));
        return hash == uint256.Zero ? null : hash;
    }

    internal static string Describe(ChainStateSettings settings) =>
        string.Create(CultureInfo.InvariantCulture, $"Cache configuration: {settings.DbCacheMiB} MiB total, {settings.CoinsCacheBytes / (1024.0 * 1024.0):F1} MiB for the in-memory UTXO set; {settings.ScriptThreads} script verification thread(s)");
}
