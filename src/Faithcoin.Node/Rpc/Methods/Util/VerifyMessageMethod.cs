using System.Text.Json.Nodes;
using NBitcoin;

namespace Faithcoin.Node.Rpc.Methods.Util;

/// <summary>
/// verifymessage "address" "signature" "message": true when the key recovered from the signature hashes to the
/// address. A P2SH address is -3 "Address does not refer to key"; bad base64 is -5.
/// </summary>
public sealed class VerifyMessageMethod(AddressDecoder addresses) : IRpcMethod
{
    public string Name => "verifymessage";

    public RpcCategory Category => RpcCategory.Util;

    public IReadOnlyList<string> ArgumentNames { get; } = ["address", "signature", "message"];

    public int MinArguments => 3;

    public int MaxArguments => 3;

    public string Help =>
        "verifymessage \"address\" \"signature\" \"message\"\n" +
        "\nVerify a signed message\n" +
        "\nArguments:\n" +
        "1. \"address\"         (string, required) The faithcoin address to use for the signature.\n" +
        "2. \"signature\"       (string, required) The signature provided by the signer in base 64 encoding (see signmessage).\n" +
        "3. \"message\"         (string, required) The message that was signed.\n" +
        "\nResult:\n" +
        "true|false   (boolean) If the signature is verified or not.\n" +
        "\nExamples:\n" +
        "\nUnlock the wallet for 30 seconds\n" +
        RpcHelpExamples.Cli("walletpassphrase", "\"mypassphrase\" 30") +
        "\nCreate the signature\n" +
        RpcHelpExamples.Cli("signmessage", "\"FUC65P3s9tfWa7BsbGbg9dPKNXa8J3H6NJ\" \"my message\"") +
        "\nVerify the signature\n" +
        RpcHelpExamples.Cli("verifymessage", "\"FUC65P3s9tfWa7BsbGbg9dPKNXa8J3H6NJ\" \"signature\" \"my message\"") +
        "\nAs json rpc\n" +
        RpcHelpExamples.Rpc("verifymessage", "\"FUC65P3s9tfWa7BsbGbg9dPKNXa8J3H6NJ\", \"signature\", \"my message\"");

    public ValueTask<JsonNode?> ExecuteAsync(RpcParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var address = parameters.GetString(0);
        var signature = parameters.GetString(1);
        var message = parameters.GetString(2);
        var decoded = addresses.TryDecode(address)
            ?? throw new RpcException(RpcErrorCode.TypeError, "Invalid address");
        if (decoded is not BitcoinPubKeyAddress keyAddress)
        {
            throw new RpcException(RpcErrorCode.TypeError, "Address does not refer to key");
        }

        var bytes = new byte[((signature.Length + 3) / 4) * 3];
        if (!Convert.TryFromBase64String(signature, bytes, out var written))
        {
            throw new RpcException(RpcErrorCode.InvalidAddressOrKey, "Malformed base64 encoding");
        }

        var signer = SignedMessage.Recover(bytes.AsSpan(0, written), message);
        return ValueTask.FromResult<JsonNode?>(JsonValue.Create(signer is not null && signer.Hash == keyAddress.Hash));
    }
}
