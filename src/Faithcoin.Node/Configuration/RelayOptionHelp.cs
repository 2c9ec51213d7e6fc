namespace Faithcoin.Node.Configuration;

/// <summary>0.15's "Node relay options:" and "Block creation options:", the relay ones acted on by the mempool's policy, the block creation ones not yet.</summary>
public static class RelayOptionHelp
{
    private const string Unit = "FAITH";

    public static IEnumerable<OptionDescriptor> All() =>
    [
        Acting(Relay("acceptnonstdtxn", null, "Relay and mine \"non-standard\" transactions (testnet/regtest only; default: 1)", debugOnly: true)),
        Acting(Relay("incrementalrelayfee", "<amt>",
            $"Fee rate (in {Unit}/kB) used to define cost of relay, used for mempool limiting and BIP 125 replacement. (default: 0.00001)", debugOnly: true)),
        Acting(Relay("dustrelayfee", "<amt>",
            $"Fee rate (in {Unit}/kB) used to defined dust, the value of an output such that it will cost more than its value in fees at this fee rate to spend it. (default: 0.001)",
            debugOnly: true)),
        Acting(Relay("bytespersigop", null, "Equivalent bytes per sigop in transactions for relay and mining (default: 20)")),
        Acting(Relay("datacarrier", null, "Relay and mine data carrier transactions (default: 1)")),
        Acting(Relay("datacarriersize", null, "Maximum size of data in data carrier transactions we relay and mine (default: 83)")),
        Acting(Relay("mempoolreplacement", null, "Enable transaction replacement in the memory pool (default: 0)")),
        Acting(Relay("minrelaytxfee", "<amt>",
            $"Fees (in {Unit}/kB) smaller than this are considered zero fee for relaying, mining and transaction creation (default: 0.001)")),
        Acting(Relay("whitelistrelay", null, "Accept relayed transactions received from whitelisted peers even when not relaying transactions (default: 1)")),
        Acting(Relay("whitelistforcerelay", null,
            "Force relay of transactions from whitelisted peers even if they violate local relay policy (default: 1)")),
        Acting(Block("blockmaxweight", "<n>", "Set maximum BIP141 block weight (default: 3000000)")),
        Acting(Block("blockmaxsize", "<n>", "Set maximum BIP141 block weight to this * 4. Deprecated, use blockmaxweight")),
        Acting(Block("blockmintxfee", "<amt>", $"Set lowest fee rate (in {Unit}/kB) for transactions to be included in block creation. (default: 0.001)")),
        Acting(Block("blockversion", "<n>", "Override block version to test forking scenarios", debugOnly: true)),
    ];

    private static OptionDescriptor Relay(string name, string? hint, string help, bool debugOnly = false) =>
        new(name, OptionGroup.NodeRelay, hint, help, debugOnly, OptionSupport.NotYetImplemented);

    private static OptionDescriptor Block(string name, string? hint, string help, bool debugOnly = false) =>
        new(name, OptionGroup.BlockCreation, hint, help, debugOnly, OptionSupport.NotYetImplemented);

    /// <summary>An option faithcoind acts on (the relay policy and mempool read it), still listed in 0.15's place.</summary>
    private static OptionDescriptor Acting(OptionDescriptor descriptor) => descriptor with { Support = OptionSupport.Implemented };
}
