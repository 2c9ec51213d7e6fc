namespace Faithcoin.Node.Rpc.Methods.Wallet;

/// <summary>
/// Every method 0.15 registers when built with the wallet (wallet/rpcwallet.cpp and wallet/rpcdump.cpp), including
/// `generate` (generating), `fundrawtransaction` (rawtransactions) and the hidden `resendwallettransactions`.
/// </summary>
public static class WalletMethodNames
{
    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "abandontransaction", "abortrescan", "addmultisigaddress", "addwitnessaddress", "backupwallet", "bumpfee",
        "dumpprivkey", "dumpwallet", "encryptwallet", "fundrawtransaction", "generate", "getaccount",
        "getaccountaddress", "getaddressesbyaccount", "getbalance", "getnewaddress", "getrawchangeaddress",
        "getreceivedbyaccount", "getreceivedbyaddress", "gettransaction", "getunconfirmedbalance", "getwalletinfo",
        "importaddress", "importmulti", "importprivkey", "importprunedfunds", "importpubkey", "importwallet",
        "keypoolrefill", "listaccounts", "listaddressgroupings", "listlockunspent", "listreceivedbyaccount",
        "listreceivedbyaddress", "listsinceblock", "listtransactions", "listunspent", "listwallets", "lockunspent",
        "move", "removeprunedfunds", "resendwallettransactions", "sendfrom", "sendmany", "sendtoaddress", "setaccount",
        "settxfee", "signmessage", "walletlock", "walletpassphrase", "walletpassphrasechange",
    };
}
