namespace Faithcoin.Node.Rpc.Methods.RawTransactions;

/// <summary>getrawtransaction's help text as 0.15 prints it.</summary>
internal static class GetRawTransactionHelp
{
    public static string Text =>
        "getrawtransaction \"txid\" ( verbose )\n" +
        "\nNOTE: By default this function only works for mempool transactions. If the -txindex option is\n" +
        "enabled, it also works for blockchain transactions.\n" +
        "DEPRECATED: for now, it also works for transactions with unspent outputs.\n" +
        "\nReturn the raw transaction data.\n" +
        "\nIf verbose is 'true', returns an Object with information about 'txid'.\n" +
        "If verbose is 'false' or omitted, returns a string that is serialized, hex-encoded data for 'txid'.\n" +
        "\nArguments:\n" +
        "1. \"txid\"      (string, required) The transaction id\n" +
        "2. verbose       (bool, optional, default=false) If false, return a string, otherwise return a json object\n" +
        "\nResult (if verbose is not set or set to false):\n" +
        "\"data\"      (string) The serialized, hex-encoded data for 'txid'\n" +
        "\nResult (if verbose is set to true):\n" +
        "{\n" +
        "  \"hex\" : \"data\",       (string) The serialized, hex-encoded data for 'txid'\n" +
        "  \"txid\" : \"id\",        (string) The transaction id (same as provided)\n" +
        "  \"hash\" : \"id\",        (string) The transaction hash (differs from txid for witness transactions)\n" +
        "  \"size\" : n,             (numeric) The serialized transaction size\n" +
        "  \"vsize\" : n,            (numeric) The virtual transaction size (differs from size for witness transactions)\n" +
        "  \"version\" : n,          (numeric) The version\n" +
        "  \"locktime\" : ttt,       (numeric) The lock time\n" +
        "  \"vin\" : [               (array of json objects)\n" +
        "     {\n" +
        "       \"txid\": \"id\",    (string) The transaction id\n" +
        "       \"vout\": n,         (numeric) \n" +
        "       \"scriptSig\": {     (json object) The script\n" +
        "         \"asm\": \"asm\",  (string) asm\n" +
        "         \"hex\": \"hex\"   (string) hex\n" +
        "       },\n" +
        "       \"sequence\": n      (numeric) The script sequence number\n" +
        "       \"txinwitness\": [\"hex\", ...] (array of string) hex-encoded witness data (if any)\n" +
        "     }\n" +
        "     ,...\n" +
        "  ],\n" +
        "  \"vout\" : [              (array of json objects)\n" +
        "     {\n" +
        "       \"value\" : x.xxx,            (numeric) The value in FAITH\n" +
        "       \"n\" : n,                    (numeric) index\n" +
        "       \"scriptPubKey\" : {          (json object)\n" +
        "         \"asm\" : \"asm\",          (string) the asm\n" +
        "         \"hex\" : \"hex\",          (string) the hex\n" +
        "         \"reqSigs\" : n,            (numeric) The required sigs\n" +
        "         \"type\" : \"pubkeyhash\",  (string) The type, eg 'pubkeyhash'\n" +
        "         \"addresses\" : [           (json array of string)\n" +
        "           \"address\"        (string) faithcoin address\n" +
        "           ,...\n" +
        "         ]\n" +
        "       }\n" +
        "     }\n" +
        "     ,...\n" +
        "  ],\n" +
        "  \"blockhash\" : \"hash\",   (string) the block hash\n" +
        "  \"confirmations\" : n,      (numeric) The confirmations\n" +
        "  \"time\" : ttt,             (numeric) The transaction time in seconds since epoch (Jan 1 1970 GMT)\n" +
        "  \"blocktime\" : ttt         (numeric) The block time in seconds since epoch (Jan 1 1970 GMT)\n" +
        "}\n" +
        "\nExamples:\n" +
        RpcHelpExamples.Cli("getrawtransaction", "\"mytxid\"") +
        RpcHelpExamples.Cli("getrawtransaction", "\"mytxid\" true") +
        RpcHelpExamples.Rpc("getrawtransaction", "\"mytxid\", true");
}
