using Faithcoin.Consensus.Chain;
using Faithcoin.Node.Configuration;

namespace Faithcoin.Node.Mempool.Policy;

/// <summary>
/// Binds the relay policy options with 0.15's checks, interactions and messages. Malformed amounts stop the start
/// with the original's "Invalid amount for -name=&lt;amount&gt;: 'value'"; numbers and booleans are refused when
/// they are not numbers, as the rest of faithcoind's options are.
/// </summary>
public sealed class PolicySettingsBinder(ChainParams chain)
{
    // TimeSpan's range, so that an absurd -mempoolexpiry means "never" instead of an overflow.
    private const long MaxExpiryHours = 200_000_000;

    /// <summary>The option names this binder reads, for the option catalog.</summary>
    public static IReadOnlyList<string> OptionNames { get; } =
    [
        "acceptnonstdtxn", "permitbaremultisig", "datacarrier", "datacarriersize", "dustrelayfee", "minrelaytxfee",
        "incrementalrelayfee", "bytespersigop", "limitancestorcount", "limitancestorsize", "limitdescendantcount",
        "limitdescendantsize", "maxmempool", "mempoolexpiry", "maxorphantx", "mempoolreplacement", "maxtxfee",
        "whitelistrelay", "whitelistforcerelay",
    ];

    /// <summary>Reads the options; <paramref name="warnings"/> receives the lines the original logs or warns.</summary>
    public PolicySettings Bind(ArgsStore args, ICollection<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(warnings);

        // Checked in the original's order, so that of several bad values the same one is reported.
        var incrementalRelayFee = GetRate(args, "incrementalrelayfee", PolicyDefaults.IncrementalRelayFee, zeroAllowed: true);
        var descendantSizeLimitKb = GetInt(args, "limitdescendantsize", PolicyDefaults.DescendantSizeLimitKb);
        var maxMempoolBytes = Scale(GetInt(args, "maxmempool", PolicyDefaults.MaxMempoolMb), 1_000_000);
        var minMempoolBytes = Scale(descendantSizeLimitKb, 1000 * 40);
        if (maxMempoolBytes < 0 || maxMempoolBytes < minMempoolBytes)
        {
            throw new ConfigurationException($"-maxmempool must be at least {(long)Math.Ceiling(minMempoolBytes / 1_000_000.0)} MB");
        }

        var minRelayTxFee = GetRate(args, "minrelaytxfee", PolicyDefaults.MinRelayTxFee, zeroAllowed: false);
        if (!args.IsSet("minrelaytxfee") && incrementalRelayFee > minRelayTxFee)
        {
            // Setting -incrementalrelayfee alone controls both, as in the original.
            minRelayTxFee = incrementalRelayFee;
            warnings.Add($"Increasing minrelaytxfee to {minRelayTxFee} to match incrementalrelayfee");
        }

        var dustRelayFee = GetRate(args, "dustrelayfee", PolicyDefaults.DustRelayFee, zeroAllowed: false);
        var requireStandard = !NodeOptionsBinder.GetBool(args, "acceptnonstdtxn", !chain.RequireStandard);
        if (chain.RequireStandard && !requireStandard)
        {
            throw new ConfigurationException($"acceptnonstdtxn is not currently supported for {chain.Name} chain");
        }

        return new PolicySettings
        {
            RequireStandard = requireStandard,
            PermitBareMultisig = NodeOptionsBinder.GetBool(args, "permitbaremultisig", true),
            AcceptDatacarrier = NodeOptionsBinder.GetBool(args, "datacarrier", true),
            MaxDatacarrierBytes = unchecked((uint)GetInt(args, "datacarriersize", PolicyDefaults.MaxDatacarrierBytes)),
            DustRelayFee = dustRelayFee,
            MinRelayTxFee = minRelayTxFee,
            IncrementalRelayFee = incrementalRelayFee,
            BytesPerSigOp = unchecked((uint)GetInt(args, "bytespersigop", PolicyDefaults.BytesPerSigOp)),
            AncestorLimit = GetInt(args, "limitancestorcount", PolicyDefaults.AncestorLimit),
            AncestorSizeLimitKb = GetInt(args, "limitancestorsize", PolicyDefaults.AncestorSizeLimitKb),
            DescendantLimit = GetInt(args, "limitdescendantcount", PolicyDefaults.DescendantLimit),
            DescendantSizeLimitKb = descendantSizeLimitKb,
            MaxMempoolBytes = maxMempoolBytes,
            MempoolExpiry = TimeSpan.FromHours(Math.Clamp(GetInt(args, "mempoolexpiry", PolicyDefaults.MempoolExpiryHours), -MaxExpiryHours, MaxExpiryHours)),
            MaxOrphanTransactions = Math.Max(0, GetInt(args, "maxorphantx", PolicyDefaults.MaxOrphanTransactions)),
            EnableReplacement = GetReplacement(args),
            MaxTxFee = GetMaxTxFee(args, minRelayTxFee, warnings),
            WhitelistRelay = GetWhitelistRelay(args),
            WhitelistForceRelay = NodeOptionsBinder.GetBool(args, "whitelistforcerelay", true),
        };
    }

    // -blocksonly turns -whitelistrelay off, then -whitelistforcerelay turns it on, each only if it was not given.
    private static bool GetWhitelistRelay(ArgsStore args)
    {
        if (args.IsSet("whitelistrelay"))
        {
            return NodeOptionsBinder.GetBool(args, "whitelistrelay", true);
        }

        return !NodeOptionsBinder.GetBool(args, "blocksonly", false);
    }

    // Besides 0 and 1 the original accepts a comma-separated list of modes, of which only "fee" exists.
    private static bool GetReplacement(ArgsStore args)
    {
        var arg = args.Get("mempoolreplacement");
        if (arg is null)
        {
            return PolicyDefaults.EnableReplacement;
        }

        if (ArgParsing.TryParseBool(arg.Value, out var enabled))
        {
            return enabled;
        }

        return arg.Value.Split(',').Contains("fee", StringComparer.Ordinal);
    }

    private static long GetMaxTxFee(ArgsStore args, PolicyFeeRate minRelayTxFee, ICollection<string> warnings)
    {
        var arg = args.Get("maxtxfee");
        if (arg is null)
        {
            return PolicyDefaults.MaxTxFee;
        }

        if (!MoneyText.TryParse(arg.Value, out var maxFee))
        {
            throw new ConfigurationException(AmountError("maxtxfee", arg.Value));
        }

        if (maxFee > PolicyDefaults.HighMaxTxFee)
        {
            warnings.Add("-maxtxfee is set very high! Fees this large could be paid on a single transaction.");
        }

        if (PolicyFeeRate.FromFee(maxFee, 1000) < minRelayTxFee)
        {
            throw new ConfigurationException(
                $"Invalid amount for -maxtxfee=<amount>: '{arg.Value}' (must be at least the minrelay fee of {minRelayTxFee} to prevent stuck transactions)");
        }

        return maxFee;
    }

    private static PolicyFeeRate GetRate(ArgsStore args, string name, long defaultValue, bool zeroAllowed)
    {
        var arg = args.Get(name);
        if (arg is null)
        {
            return new PolicyFeeRate(defaultValue);
        }

        return MoneyText.TryParse(arg.Value, out var amount) && (zeroAllowed || amount != 0)
            ? new PolicyFeeRate(amount)
            : throw new ConfigurationException(AmountError(name, arg.Value));
    }

    // The original multiplies in 64 bits; saturating keeps absurd values absurd without wrapping around.
    private static long Scale(long value, long factor) =>
        value > long.MaxValue / factor ? long.MaxValue : value < long.MinValue / factor ? long.MinValue : value * factor;

    private static string AmountError(string name, string value) => $"Invalid amount for -{name}=<amount>: '{value}'";

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
}
