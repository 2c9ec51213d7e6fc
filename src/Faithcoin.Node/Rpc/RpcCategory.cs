namespace Faithcoin.Node.Rpc;

/// <summary>
/// The original's RPC categories. `help` sorts by the lower-case name and prints it capitalised
/// ("== Rawtransactions =="); hidden methods are callable but not listed.
/// </summary>
public enum RpcCategory
{
    Blockchain,
    Control,
    Generating,
    Mining,
    Network,
    RawTransactions,
    Util,
    Wallet,
    Hidden,
}
