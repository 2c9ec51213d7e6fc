namespace Faithcoin.Node.Rpc.Methods.Wallet;

/// <summary>
/// The wallet methods answer -32601 with the reason: faithcoind is the network node and has no wallet. They stay
/// out of `help`, as in an original built without the wallet.
/// </summary>
public sealed class AbsentWallet : IUnavailableRpcMethods
{
    public const string Message =
        "Method not found (this node has no wallet: faithcoind is the network node; use a wallet client)";

    public string? Explain(string method) => WalletMethodNames.All.Contains(method) ? Message : null;
}
