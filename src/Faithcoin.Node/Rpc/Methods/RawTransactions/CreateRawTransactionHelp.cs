namespace Faithcoin.Node.Rpc.Methods.RawTransactions;

/// <summary>createrawtransaction's help text as 0.15 prints it.</summary>
internal static class CreateRawTransactionHelp
{
    public static string Text =>
        "createrawtransaction [{\"txid\":\"id\",\"vout\":n},...] {\"address\":amount,\"data\":\"hex\",...} ( locktime ) ( replaceable )\n" +
        "\nCreate a transaction spending the given inputs and creating new outputs.\n" +
        "Outputs can be addresses or data.\n" +
        "Returns hex-encoded raw transaction.\n" +
        "Note that the transaction's inputs are not signed, and\n" +
        "it is not stored in the wallet or transmitted to the network.\n" +
        "\nArguments:\n" +
        "1. \"inputs\"                (array, required) A json array of json objects\n" +
        "     [\n" +
        "       {\n" +
        "         \"txid\":\"id\",    (string, required) The transaction id\n" +
        "         \"vout\":n,         (numeric, required) The output number\n" +
        "         \"sequence\":n      (numeric, optional) The sequence number\n" +
        "       }\n" +
        "       ,...\n" +
        "     ]\n" +
        "2. \"outputs\"               (object, required) a json object with outputs\n" +
        "    {\n" +
        "      \"address\": x.xxx,    (numeric or string, required) The key is the faithcoin address, the numeric value (can be string) is the FAITH amount\n" +
        "      \"data\": \"hex\"      (string, required) The key is \"data\", the value is hex encoded data\n" +
        "      ,...\n" +
        "    }\n" +
        "3. locktime                  (numeric, optional, default=0) Raw locktime. Non-0 value also locktime-activates inputs\n" +
        "4. replaceable               (boolean, optional, default=false) Marks this transaction as BIP125 replaceable.\n" +
        "                             Allows this transaction to be replaced by a transaction with higher fees. If provided, it is an error if explicit sequence numbers are incompatible.\n" +
        "\nResult:\n" +
        "\"transaction\"              (string) hex string of the transaction\n" +
        "\nExamples:\n" +
        RpcHelpExamples.Cli("createrawtransaction", "\"[{\\\"txid\\\":\\\"myid\\\",\\\"vout\\\":0}]\" \"{\\\"address\\\":0.01}\"") +
        RpcHelpExamples.Cli("createrawtransaction", "\"[{\\\"txid\\\":\\\"myid\\\",\\\"vout\\\":0}]\" \"{\\\"data\\\":\\\"00010203\\\"}\"") +
        RpcHelpExamples.Rpc("createrawtransaction", "\"[{\\\"txid\\\":\\\"myid\\\",\\\"vout\\\":0}]\", \"{\\\"address\\\":0.01}\"") +
        RpcHelpExamples.Rpc("createrawtransaction", "\"[{\\\"txid\\\":\\\"myid\\\",\\\"vout\\\":0}]\", \"{\\\"data\\\":\\\"00010203\\\"}\"");
}
