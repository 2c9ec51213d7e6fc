using System.Text.Json;
using System.Text.Json.Nodes;
using Faithcoin.Node.Rpc.Methods.Util;
using NBitcoin;

namespace Faithcoin.Node.Rpc.Methods.RawTransactions;

/// <summary>
/// createrawtransaction [inputs] {outputs} ( locktime ) ( replaceable ): an unsigned version-2 transaction, built
/// and checked as 0.15 does (sequence defaults follow locktime and replaceable; outputs keep the object's order).
/// </summary>
public sealed class CreateRawTransactionMethod(AddressDecoder addresses) : IRpcMethod
{
    private const uint MaxBip125Sequence = 0xfffffffd;

    public string Name => "createrawtransaction";

    public RpcCategory Category => RpcCategory.RawTransactions;

    public IReadOnlyList<string> ArgumentNames { get; } = ["inputs", "outputs", "locktime", "replaceable"];

    public int MinArguments => 2;

    public int MaxArguments => 4;

    public string Help => CreateRawTransactionHelp.Text;

    public ValueTask<JsonNode?> ExecuteAsync(RpcParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        JsonArguments.RequireKind(parameters[0], JsonValueKind.Array);
        JsonArguments.RequireKind(parameters[1], JsonValueKind.Object);
        JsonArguments.RequireKind(parameters[2], JsonValueKind.Number);
        JsonArguments.RequireKind(parameters[3], JsonValueKind.True);
        if (parameters[0] is not { } inputs || parameters[1] is not { } outputs)
        {
            throw new RpcException(RpcErrorCode.InvalidParameter, "Invalid parameter, arguments 1 and 2 must be non-null");
        }

        var transaction = addresses.Network.CreateTransaction();
        transaction.Version = 2;
        if (parameters[2] is not null)
        {
            var lockTime = parameters.GetInt64(2);
            if (lockTime is < 0 or > uint.MaxValue)
            {
                throw new RpcException(RpcErrorCode.InvalidParameter, "Invalid parameter, locktime out of range");
            }

            transaction.LockTime = new LockTime((uint)lockTime);
        }

        var replaceable = parameters[3] is { ValueKind: JsonValueKind.True };
        foreach (var input in inputs.EnumerateArray())
        {
            transaction.Inputs.Add(Input(input, DefaultSequence(replaceable, transaction.LockTime)));
        }

        AddOutputs(transaction, outputs);
        if (parameters[3] is not null && replaceable != transaction.Inputs.Any(i => (uint)i.Sequence <= MaxBip125Sequence))
        {
            throw new RpcException(
                RpcErrorCode.InvalidParameter,
                "Invalid parameter combination: Sequence number(s) contradict replaceable option");
        }

        return ValueTask.FromResult<JsonNode?>(JsonValue.Create(RawTransactionCodec.Encode(transaction)));
    }

    private static uint DefaultSequence(bool replaceable, LockTime lockTime) =>
        replaceable ? MaxBip125Sequence : (uint)lockTime != 0 ? uint.MaxValue - 1 : uint.MaxValue;

    private static TxIn Input(JsonElement input, uint sequence)
    {
        if (input.ValueKind != JsonValueKind.Object)
        {
            throw new RpcException(RpcErrorCode.MiscError, "JSON value is not an object as expected");
        }

        var txid = JsonArguments.ParseHash(JsonArguments.Member(input, "txid"), "txid");
        if (JsonArguments.Member(input, "vout") is not { ValueKind: JsonValueKind.Number } vout)
        {
            throw new RpcException(RpcErrorCode.InvalidParameter, "Invalid parameter, missing vout key");
        }

        var n = JsonArguments.GetInt32(vout);
        if (n < 0)
        {
            throw new RpcException(RpcErrorCode.InvalidParameter, "Invalid parameter, vout must be positive");
        }

        if (JsonArguments.Member(input, "sequence") is { ValueKind: JsonValueKind.Number } given)
        {
            var value = JsonArguments.GetInt64(given);
            sequence = value is >= 0 and <= uint.MaxValue
                ? (uint)value
                : throw new RpcException(RpcErrorCode.InvalidParameter, "Invalid parameter, sequence number is out of range");
        }

        return new TxIn(new OutPoint(txid, (uint)n)) { Sequence = new Sequence(sequence) };
    }

    private void AddOutputs(Transaction transaction, JsonElement outputs)
    {
        var seen = new HashSet<Script>();
        foreach (var output in outputs.EnumerateObject())
        {
            if (output.NameEquals("data"))
            {
                var data = JsonArguments.ParseHex(ValueText(output.Value), "Data");
                transaction.Outputs.Add(new TxOut(Money.Zero, new Script(ScriptPush.NullData(data))));
                continue;
            }

            var address = addresses.TryDecode(output.Name)
                ?? throw new RpcException(RpcErrorCode.InvalidAddressOrKey, "Invalid Faithcoin address: " + output.Name);
            if (!seen.Add(address.ScriptPubKey))
            {
                throw new RpcException(RpcErrorCode.InvalidParameter, "Invalid parameter, duplicated address: " + output.Name);
            }

            transaction.Outputs.Add(new TxOut(Money.Satoshis(AmountArgument.Parse(output.Value)), address.ScriptPubKey));
        }
    }

    /// <summary>UniValue::getValStr: a string's text or a number's digits; other kinds read as empty.</summary>
    private static string ValueText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Number => value.GetRawText(),
        _ => string.Empty,
    };
}
