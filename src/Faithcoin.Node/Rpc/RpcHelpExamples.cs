namespace Faithcoin.Node.Rpc;

/// <summary>The "Examples:" lines of the original's help texts (HelpExampleCli / HelpExampleRpc).</summary>
public static class RpcHelpExamples
{
    public static string Cli(string method, string arguments) =>
        $"> faithcoin-cli {method} {arguments}\n";

    public static string Rpc(string method, string arguments) =>
        "> curl --user myusername --data-binary '{\"jsonrpc\": \"1.0\", \"id\":\"curltest\", " +
        $"\"method\": \"{method}\", \"params\": [{arguments}] }}' -H 'content-type: text/plain;' http://127.0.0.1:9332/\n";
}
