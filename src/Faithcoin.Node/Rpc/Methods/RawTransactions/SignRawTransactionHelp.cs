namespace Faithcoin.Node.Rpc.Methods.RawTransactions;

/// <summary>signrawtransaction's help text as 0.15 prints it when built without the wallet.</summary>
internal static class SignRawTransactionHelp
{
    public static string Text =>
        "signrawtransaction \"hexstring\" ( [{\"txid\":\"id\",\"vout\":n,\"scriptPubKey\":\"hex\",\"redeemScript\":\"hex\"},...] [\"privatekey1\",...] sighashtype )\n" +
        "\nSign inputs for raw transaction (serialized, hex-encoded).\n" +
        "The second optional argument (may be null) is an array of previous transaction outputs that\n" +
        "this transaction depends on but may not yet be in the block chain.\n" +
        "The third optional argument (may be null) is an array of base58-encoded private\n" +
        "keys that, if given, will be the only keys used to sign the transaction.\n" +
        "\nArguments:\n" +
        "1. \"hexstring\"     (string, required) The transaction hex string\n" +
        "2. \"prevtxs\"       (string, optional) An json array of previous dependent transaction outputs\n" +
        "     [               (json array of json objects, or 'null' if none provided)\n" +
        "       {\n" +
        "         \"txid\":\"id\",             (string, required) The transaction id\n" +
        "         \"vout\":n,                  (numeric, required) The output number\n" +
        "         \"scriptPubKey\": \"hex\",   (string, required) script key\n" +
        "         \"redeemScript\": \"hex\",   (string, required for P2SH or P2WSH) redeem script\n" +
        "         \"amount\": value            (numeric, required) The amount spent\n" +
        "       }\n" +
        "       ,...\n" +
        "    ]\n" +
        "3. \"privkeys\"     (string, optional) A json array of base58-encoded private keys for signing\n" +
        "    [                  (json array of strings, or 'null' if none provided)\n" +
        "      \"privatekey\"   (string) private key in base58-encoding\n" +
        "      ,...\n" +
        "    ]\n" +
        "4. \"sighashtype\"     (string, optional, default=ALL) The signature hash type. Must be one of\n" +
        "       \"ALL\"\n" +
        "       \"NONE\"\n" +
        "       \"SINGLE\"\n" +
        "       \"ALL|ANYONECANPAY\"\n" +
        "       \"NONE|ANYONECANPAY\"\n" +
        "       \"SINGLE|ANYONECANPAY\"\n" +
        "\nResult:\n" +
        "{\n" +
        "  \"hex\" : \"value\",           (string) The hex-encoded raw transaction with signature(s)\n" +
        "  \"complete\" : true|false,   (boolean) If the transaction has a complete set of signatures\n" +
        "  \"errors\" : [                 (json array of objects) Script verification errors (if there are any)\n" +
        "    {\n" +
        "      \"txid\" : \"hash\",           (string) The hash of the referenced, previous transaction\n" +
        "      \"vout\" : n,                (numeric) The index of the output to spent and used as input\n" +
        "      \"scriptSig\" : \"hex\",       (string) The hex-encoded signature script\n" +
        "      \"sequence\" : n,            (numeric) Script sequence number\n" +
        "      \"error\" : \"text\"           (string) Verification or signing error related to the input\n" +
        "    }\n" +
        "    ,...\n" +
        "  ]\n" +
        "}\n" +
        "\nExamples:\n" +
        RpcHelpExamples.Cli("signrawtransaction", "\"myhex\"") +
        RpcHelpExamples.Rpc("signrawtransaction", "\"myhex\"");
}
