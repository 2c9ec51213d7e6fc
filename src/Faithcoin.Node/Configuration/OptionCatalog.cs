namespace Faithcoin.Node.Configuration;

/// <summary>
/// The options of the original 0.15 daemon. The ones faithcoind acts on carry their help text; the rest are
/// listed by name so a faithcoin.conf written for the original starts cleanly, and only names the original
/// never had are reported as unknown. Later features move names from the second list to the first.
/// </summary>
public sealed class OptionCatalog
{
    private static readonly string[] NotYetImplemented =
    [
        // General
        "alertnotify", "blocknotify", "blocksonly", "daemon", "feefilter",
        "blockreconstructionextratxn",
        "sysperms",

        // Connection
        "maxtimeadjustment", "torpassword", "upnp", "whitebind", "maxuploadtarget",

        // Wallet (the original can be built without it; faithcoind has none)
        "disablewallet", "keypool", "fallbackfee", "mintxfee", "paytxfee", "rescan", "salvagewallet",
        "spendzeroconfchange", "txconfirmtarget", "usehd", "walletrbf", "upgradewallet", "wallet",
        "walletbroadcast", "walletnotify", "zapwallettxes", "dblogsize", "flushwallet", "privdb",
        "walletrejectlongchains",

        // ZMQ
        "zmqpubhashblock", "zmqpubhashtx", "zmqpubrawblock", "zmqpubrawtx",

        // Debugging
        "checkblocks", "checklevel", "checkmempool", "checkpoints",
        "disablesafemode", "testsafemode", "dropmessagestest", "fuzzmessagestest", "stopafterblockimport",
        "stopatheight", 
        "vbparams", "debugexclude", "help-debug", "logtimestamps", "logtimemicros", "mocktime",
        "maxsigcachesize", "printpriority", "shrinkdebugfile",

        // Node relay and block creation
        
        "blockmaxweight",
        "blockmaxsize", "blockmintxfee", "blockprioritysize", "blockversion",

        // RPC
    ];

    private readonly Dictionary<string, OptionDescriptor> options = new(StringComparer.Ordinal);

    public OptionCatalog()
    {
        Add(new("?", OptionGroup.General, null, "Print this help message and exit"));
        Add(new("h", OptionGroup.General, null, "Print this help message and exit"));
        Add(new("help", OptionGroup.General, null, "Print this help message and exit"));
        Add(new("version", OptionGroup.General, null, "Print version and exit"));
        Add(new("conf", OptionGroup.General, "<file>",
            $"Specify configuration file (default: {NodeDefaults.ConfigFileName}); a relative path is relative to the data directory"));
        Add(new("datadir", OptionGroup.General, "<dir>", "Specify data directory (it must exist)"));
        Add(new("pid", OptionGroup.General, "<file>", $"Specify pid file (default: {NodeDefaults.PidFileName})"));
        AddChainStateOptions();
        AddConnectionOptions();
        Add(new("port", OptionGroup.Connection, "<port>",
            "Listen for connections on <port> (default: 9666, testnet: 19335, regtest: 19444)"));
        Add(new("bind", OptionGroup.Connection, "<addr>",
            "Bind to given address and always listen on it. Use [host]:port notation for IPv6"));
        Add(DebuggingOptionHelp.Debug());
        Add(new("printtoconsole", OptionGroup.Debugging, null, "Send trace/debug info to console and debug.log file"));
        Add(new("metricsport", OptionGroup.Debugging, "<port>",
            "Serve Prometheus metrics (/metrics) and health checks (/livez, /readyz) over HTTP on <port> (default: off)"));
        Add(new("metricsbind", OptionGroup.Debugging, "<addr>",
            $"Bind the metrics and health listener to the given address (default: {Faithcoin.Node.Metrics.MetricsSettings.DefaultBind})"));
        Add(new("readyzallowibd", OptionGroup.Debugging, null,
            "Let /readyz report ready during initial block download (default: 0)"));
        Add(new("testnet", OptionGroup.ChainSelection, null, "Use the test chain"));
        Add(new("regtest", OptionGroup.ChainSelection, null,
            "Enter regression test mode, which uses a special chain in which blocks can be solved instantly."));
        Add(new("server", OptionGroup.RpcServer, null, "Accept command line and JSON-RPC commands (default: 1)"));
        Add(new("rpcbind", OptionGroup.RpcServer, "<addr>[:port]",
            "Bind to given address to listen for JSON-RPC connections. This option is ignored unless -rpcallowip is also passed. " +
            "Port is optional and overrides -rpcport. Use [host]:port notation for IPv6. This option can be specified multiple times " +
            "(default: 127.0.0.1 and ::1 i.e., localhost, or if -rpcallowip has been specified, 0.0.0.0 and :: i.e., all addresses)"));
        Add(new("rpccookiefile", OptionGroup.RpcServer, "<loc>", "Location of the auth cookie (default: data dir)"));
        Add(new("rpcuser", OptionGroup.RpcServer, "<user>", "Username for JSON-RPC connections"));
        Add(new("rpcpassword", OptionGroup.RpcServer, "<pw>", "Password for JSON-RPC connections"));
        Add(new("rpcport", OptionGroup.RpcServer, "<port>",
            "Listen for JSON-RPC connections on <port> (default: 9332, testnet: 19332, regtest: 19332)"));
        Add(new("rpcallowip", OptionGroup.RpcServer, "<ip>",
            "Allow JSON-RPC connections from specified source. Valid for <ip> are a single IP (e.g. 1.2.3.4), a network/netmask " +
            "(e.g. 1.2.3.4/255.255.255.0) or a network/CIDR (e.g. 1.2.3.4/24). This option can be specified multiple times"));
        Add(new("rpcservertimeout", OptionGroup.RpcServer, "<n>",
            $"Timeout during HTTP requests (default: {NodeDefaults.RpcServerTimeoutSeconds})"));
        Add(new("rest", OptionGroup.RpcServer, null, "Accept public REST requests (default: 0)"));
        Add(new("rpcserialversion", OptionGroup.RpcServer, null,
            "Sets the serialization of raw transaction or block hex returned in non-verbose mode, non-segwit(0) or segwit(1) (default: 1)"));
        Add(new("rpcauth", OptionGroup.RpcServer, "<userpw>",
            "Username and hashed password for JSON-RPC connections. The field <userpw> comes in the format: <USERNAME>:<SALT>$<HASH>. " +
            "A canonical python script is included in share/rpcauth. The client then connects normally using the " +
            "rpcuser=<USERNAME>/rpcpassword=<PASSWORD> pair of arguments. This option can be specified multiple times"));
        Add(new("rpcthreads", OptionGroup.RpcServer, "<n>",
            $"Set the number of threads to service RPC calls (default: {RpcServerOptionsBinder.DefaultThreads})"));
        Add(new("rpcworkqueue", OptionGroup.Debugging, "<n>",
            $"Set the depth of the work queue to service RPC calls (default: {RpcServerOptionsBinder.DefaultWorkQueue})"));

        // Before the names below, which only fill in what no entry describes yet.
        foreach (var option in GeneralOptionHelp.All().Concat(ConnectionOptionHelp.All()).Concat(DebuggingOptionHelp.All())
                     .Concat(RelayOptionHelp.All()).Concat(IgnoredOptionNames.All()))
        {
            options.TryAdd(option.Name, option);
        }

        foreach (var name in NotYetImplemented)
        {
            options.TryAdd(name, new OptionDescriptor(name, OptionGroup.General, null, null, Support: OptionSupport.NotYetImplemented));
        }
    }

    public IEnumerable<OptionDescriptor> Implemented => options.Values.Where(o => o.IsImplemented);

    /// <summary>The entries -help shows: those with help text, the debugging ones only for -help-debug.</summary>
    public IEnumerable<OptionDescriptor> Listed(bool showDebug) =>
        options.Values.Where(o => o.Help is not null && o.Support != OptionSupport.Ignored && (showDebug || !o.DebugOnly));

    public OptionDescriptor? Find(string name) => options.GetValueOrDefault(name);

    private void AddChainStateOptions()
    {
        Add(new("assumevalid", OptionGroup.General, "<hex>",
            "If this block is in the chain assume that it and its ancestors are valid and potentially skip their script verification " +
            "(0 to verify all, default: 29c8c00e1a5f446a6364a29633d3f1ee16428d87c8d3851a1c570be8170b04c2, " +
            "testnet: ad8ff6c2f5580d2b50bd881e11312425ea84fa99f322bf132beb722f97971bba)"));
        Add(new("dbcache", OptionGroup.General, "<n>",
            $"Set database cache size in megabytes ({Chain.ChainStateSettings.MinDbCacheMiB} to {Chain.ChainStateSettings.MaxDbCacheMiB}, default: {Chain.ChainStateSettings.DefaultDbCacheMiB})"));
        Add(new("loadblock", OptionGroup.General, "<file>", "Imports blocks from external blk000??.dat file on startup"));
        Add(new("par", OptionGroup.General, "<n>",
            $"Set the number of script verification threads (-{Environment.ProcessorCount} to {Chain.ScriptVerifier.MaxThreads}, 0 = auto, <0 = leave that many cores free, default: 0)"));
        Add(new("prune", OptionGroup.General, "<n>",
            "Reduce storage requirements by enabling pruning (deleting) of old blocks. This mode is incompatible with -txindex and -rescan. " +
            "Warning: Reverting this setting requires re-downloading the entire blockchain. (default: 0 = disable pruning blocks, " +
            "1 = allow manual pruning via RPC, >550 = automatically prune block files to stay under the specified target size in MiB)"));
        Add(new("fastprune", OptionGroup.Debugging, null, "Use 64 KiB block files so pruning can be tested on a short chain (default: 0)", DebugOnly: true));
        Add(new("reindex-chainstate", OptionGroup.General, null, "Rebuild chain state from the currently indexed blocks"));
        Add(new("reindex", OptionGroup.General, null, "Rebuild chain state and block index from the blk*.dat files on disk"));
        Add(new("txindex", OptionGroup.General, null,
            "Maintain a full transaction index, used by the getrawtransaction rpc call (default: 0)"));
        Add(new("checkblockindex", OptionGroup.Debugging, null,
            "Do a full consistency check for mapBlockIndex, setBlockIndexCandidates, chainActive and mapBlocksUnlinked occasionally " +
            "(default: 0, regtest: 1)", DebugOnly: true));
    }

    private void AddConnectionOptions()
    {
        Add(new("addnode", OptionGroup.Connection, "<ip>",
            "Add a node to connect to and attempt to keep the connection open (see the `addnode` RPC command help for more info)"));
        Add(new("banscore", OptionGroup.Connection, "<n>", "Threshold for disconnecting misbehaving peers (default: 100)"));
        Add(new("bantime", OptionGroup.Connection, "<n>", "Number of seconds to keep misbehaving peers from reconnecting (default: 86400)"));
        Add(new("connect", OptionGroup.Connection, "<ip>",
            "Connect only to the specified node(s); -connect=0 disables automatic connections (the rules for this peer are the same as for -addnode)"));
        Add(new("discover", OptionGroup.Connection, null,
            "Discover own IP addresses (default: 1 when listening and no -externalip or -proxy)"));
        Add(new("dnsseed", OptionGroup.Connection, null,
            "Query for peer addresses via DNS lookup, if low on addresses (default: 1 unless -connect used)"));
        Add(new("forcednsseed", OptionGroup.Connection, null, "Always query for peer addresses via DNS lookup (default: 0)"));
        Add(new("externalip", OptionGroup.Connection, "<ip>", "Specify your own public address"));
        Add(new("listen", OptionGroup.Connection, null, "Accept connections from outside (default: 1 if no -proxy or -connect)"));
        Add(new("maxconnections", OptionGroup.Connection, "<n>", "Maintain at most <n> connections to peers (default: 125)"));
        Add(new("maxreceivebuffer", OptionGroup.Connection, "<n>", "Maximum per-connection receive buffer, <n>*1000 bytes (default: 5000)"));
        Add(new("maxsendbuffer", OptionGroup.Connection, "<n>", "Maximum per-connection send buffer, <n>*1000 bytes (default: 1000)"));
        Add(new("onlynet", OptionGroup.Connection, "<net>", "Only connect to nodes in network <net> (ipv4, ipv6 or onion)"));
        Add(new("peerbloomfilters", OptionGroup.Connection, null, "Support filtering of blocks and transaction with bloom filters (default: 1)"));
        Add(new("proxyprotocol", OptionGroup.Connection, "<ip>|<net>", "Expect a PROXY protocol (v1/v2) header on inbound connections from this source, e.g. an ingress (can be specified multiple times)"));
        Add(new("seednode", OptionGroup.Connection, "<ip>", "Connect to a node to retrieve peer addresses, and disconnect"));
        Add(new("timeout", OptionGroup.Connection, "<n>", "Specify connection timeout in milliseconds (minimum: 1, default: 5000)"));
        Add(new("whitelist", OptionGroup.Connection, "<IP address or network>",
            "Whitelist peers connecting from the given IP address (e.g. 1.2.3.4) or CIDR notated network (e.g. 1.2.3.0/24). Can be specified multiple times. " +
            "Whitelisted peers cannot be DoS banned and their transactions are always relayed, even if they are already in the mempool, useful e.g. for a gateway"));
        Add(new("uacomment", OptionGroup.Debugging, "<cmt>", "Append comment to the user agent string"));
        Add(new("maxtipage", OptionGroup.Debugging, "<n>",
            "Maximum tip age in seconds to consider node in initial block download (default: 86400)", DebugOnly: true));
    }

    private void Add(OptionDescriptor option) => options.Add(option.Name, option);
}
