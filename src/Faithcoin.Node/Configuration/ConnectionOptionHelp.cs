namespace Faithcoin.Node.Configuration;

/// <summary>0.15's "Connection options:" entries faithcoind does not act on yet, with their help text and defaults.</summary>
public static class ConnectionOptionHelp
{
    public static IEnumerable<OptionDescriptor> All() =>
    [
        Acting(Later("dns", null, "Allow DNS lookups for -addnode, -seednode and -connect (default: 1)")),
        Acting(Later("listenonion", null, "Automatically create Tor hidden service (default: 1)")),
        Later("maxtimeadjustment", null,
            "Maximum allowed median peer time offset adjustment. Local perspective of time may be influenced by peers forward or backward by this amount. (default: 4200 seconds)"),
        Acting(Later("onion", "<ip:port>", "Use separate SOCKS5 proxy to reach peers via Tor hidden services (default: -proxy)")),
        Acting(Later("permitbaremultisig", null, "Relay non-P2SH multisig (default: 1)")),
        Acting(Later("proxy", "<ip:port>", "Connect through SOCKS5 proxy")),
        Acting(Later("proxyrandomize", null,
            "Randomize credentials for every proxy connection. This enables Tor stream isolation (default: 1)")),
        Acting(Later("torcontrol", "<ip>:<port>", "Tor control port to use if onion listening enabled (default: 127.0.0.1:9051)")),
        Later("torpassword", "<pass>", "Tor control port password (default: empty)"),
        Later("upnp", null, "Use UPnP to map the listening port (default: 0)"),
        Later("whitebind", "<addr>", "Bind to given address and whitelist peers connecting to it. Use [host]:port notation for IPv6"),
        Later("maxuploadtarget", "<n>", "Tries to keep outbound traffic under the given target (in MiB per 24h), 0 = no limit (default: 0)"),
    ];

    private static OptionDescriptor Later(string name, string? hint, string help) =>
        new(name, OptionGroup.Connection, hint, help, Support: OptionSupport.NotYetImplemented);

    /// <summary>An option faithcoind acts on (the relay policy and mempool read it), still listed in 0.15's place.</summary>
    private static OptionDescriptor Acting(OptionDescriptor descriptor) => descriptor with { Support = OptionSupport.Implemented };
}
