using System.Text.Json;

namespace Faithcoin.Node.Rpc;

/// <summary>
/// Positional call parameters with the original's UniValue accessors: a missing or null parameter reads as
/// JSON null, and a value of the wrong type fails with UniValue's message (reported as error -1).
/// The elements belong to the request and are valid only during the call.
/// </summary>
public sealed class RpcParameters(IReadOnlyList<JsonElement?> values)
{
    public static RpcParameters Empty { get; } = new([]);

    public int Count => values.Count;

    public JsonElement? this[int index] =>
        index < values.Count && values[index] is { ValueKind: not JsonValueKind.Null } value ? value : null;

    public bool IsNull(int index) => this[index] is null;

    public int GetInt32(int index)
    {
        var value = this[index];
        if (value is not { ValueKind: JsonValueKind.Number } number)
        {
            throw new RpcException(RpcErrorCode.MiscError, "JSON value is not an integer as expected");
        }

        return number.TryGetInt32(out var result)
            ? result
            : throw new RpcException(RpcErrorCode.MiscError, "JSON integer out of range");
    }

    public long GetInt64(int index)
    {
        var value = this[index];
        if (value is not { ValueKind: JsonValueKind.Number } number)
        {
            throw new RpcException(RpcErrorCode.MiscError, "JSON value is not an integer as expected");
        }

        return number.TryGetInt64(out var result)
            ? result
            : throw new RpcException(RpcErrorCode.MiscError, "JSON integer out of range");
    }

    public string GetString(int index) =>
        this[index] is { ValueKind: JsonValueKind.String } value
            ? value.GetString()!
            : throw new RpcException(RpcErrorCode.MiscError, "JSON value is not a string as expected");

    public bool GetBoolean(int index) =>
        this[index] is { ValueKind: JsonValueKind.True or JsonValueKind.False } value
            ? value.GetBoolean()
            : throw new RpcException(RpcErrorCode.MiscError, "JSON value is not a boolean as expected");
}
