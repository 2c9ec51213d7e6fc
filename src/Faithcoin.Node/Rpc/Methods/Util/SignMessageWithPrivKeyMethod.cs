using System.Text.Json.Nodes;

namespace Faithcoin.Node.Rpc.Methods.Util;

/// <summary>signmessagewithprivkey "privkey" "message": the base64 compact signature of the message.</summary>
public sealed class SignMessageWithPrivKeyMethod(PrivateKeyDecoder keys) : IRpcMethod
{
    public string Name => "signmessagewithprivkey";

    public RpcCategory Category => RpcCategory.Util;

    public IReadOnlyList<string> ArgumentNames { get; } = ["privkey", "message"];

    public int MinArguments => 2;

    public int MaxArguments => 2;

    public string Help =>
        "signmessagewithprivkey \"privkey\" \"message\"\n" +
        "\nSign a message with the private key of an address\n" +
        "\nArguments:\n" +
        "1. \"privkey\"         (string, required) The private key to sign the message with.\n" +
        "2. \"message\"         (string, required) The message to create a signature of.\n" +
        "\nResult:\n" +
        "\"signature\"          (string) The signature of the message encoded in base 64\n" +
        "\nExamples:\n" +
        "\nCreate the signature\n" +
        RpcHelpExamples.Cli("signmessagewithprivkey", "\"privkey\" \"my message\"") +
        "\nVerify the signature\n" +
        RpcHelpExamples.Cli("verifymessage", "\"FUC65P3s9tfWa7BsbGbg9dPKNXa8J3H6NJ\" \"signature\" \"my message\"") +
        "\nAs json rpc\n" +
        RpcHelpExamples.Rpc("signmessagewithprivkey", "\"privkey\", \"my message\"");

    public ValueTask<JsonNode?> ExecuteAsync(RpcParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var privateKey = parameters.GetString(0);
        var message = parameters.GetString(1);
        var key = keys.Decode(privateKey);
        return ValueTask.FromResult<JsonNode?>(JsonValue.Create(Convert.ToBase64String(SignedMessage.Sign(key, message))));
    }
}
