using System.Globalization;
using System.Text.Json;

namespace Faithcoin.Node.Rpc.Methods.RawTransactions;

/// <summary>
/// The original's argument checks for JSON-valued parameters (rpc/server.cpp): RPCTypeCheck's "Expected type X, got Y"
/// (-3), ParseHashV/ParseHexV (-8) and the type names UniValue prints.
/// </summary>
public static class JsonArguments
{
    /// <summary>RPCTypeCheckArgument: -3 unless the value has the expected kind; null passes only when allowed.</summary>
    public static void RequireKind(JsonElement? value, JsonValueKind expected, bool allowNull = true)
    {
        if (value is null && allowNull)
        {
            return;
        }

        var actual = value?.ValueKind ?? JsonValueKind.Null;
        if (Normalise(actual) != Normalise(expected))
        {
            throw new RpcException(RpcErrorCode.TypeError, $"Expected type {TypeName(expected)}, got {TypeName(actual)}");
        }
    }

    /// <summary>uvTypeName: the words UniValue uses for its types.</summary>
    public static string TypeName(JsonValueKind kind) => kind switch
    {
        JsonValueKind.True or JsonValueKind.False => "bool",
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        _ => "null",
    };

    /// <summary>ParseHashV: exactly 64 hex digits, or -8 naming the argument.</summary>
    public static NBitcoin.uint256 ParseHash(JsonElement? value, string name)
    {
        var text = StringOrEmpty(value);
        if (!IsHex(text))
        {
            throw new RpcException(RpcErrorCode.InvalidParameter, $"{name} must be hexadecimal string (not '{text}')");
        }

        if (text.Length != 64)
        {
            throw new RpcException(
                RpcErrorCode.InvalidParameter,
                string.Create(CultureInfo.InvariantCulture, $"{name} must be of length 64 (not {text.Length})"));
        }

        return NBitcoin.uint256.Parse(text);
    }

    /// <summary>ParseHexV: a non-empty, even-length run of hex digits, or -8 naming the argument.</summary>
    public static byte[] ParseHex(JsonElement? value, string name) => ParseHex(StringOrEmpty(value), name);

    public static byte[] ParseHex(string text, string name)
    {
        ArgumentNullException.ThrowIfNull(text);
        return IsHex(text)
            ? Convert.FromHexString(text)
            : throw new RpcException(RpcErrorCode.InvalidParameter, $"{name} must be hexadecimal string (not '{text}')");
    }

    /// <summary>utilstrencodings IsHex: hex digits only, non-empty, even length.</summary>
    public static bool IsHex(string text) =>
        text.Length > 0 && text.Length % 2 == 0 && text.All(char.IsAsciiHexDigit);

    /// <summary>UniValue::get_str: the string, or the -1 type error.</summary>
    public static string GetString(JsonElement? value) =>
        value is { ValueKind: JsonValueKind.String } text
            ? text.GetString()!
            : throw new RpcException(RpcErrorCode.MiscError, "JSON value is not a string as expected");

    /// <summary>UniValue::get_int: a number that fits 32 bits, or the -1 type error.</summary>
    public static int GetInt32(JsonElement? value)
    {
        if (value is not { ValueKind: JsonValueKind.Number } number)
        {
            throw new RpcException(RpcErrorCode.MiscError, "JSON value is not an integer as expected");
        }

        return number.TryGetInt32(out var result)
            ? result
            : throw new RpcException(RpcErrorCode.MiscError, "JSON integer out of range");
    }

    /// <summary>UniValue::get_int64.</summary>
    public static long GetInt64(JsonElement? value)
    {
        if (value is not { ValueKind: JsonValueKind.Number } number)
        {
            throw new RpcException(RpcErrorCode.MiscError, "JSON value is not an integer as expected");
        }

        return number.TryGetInt64(out var result)
            ? result
            : throw new RpcException(RpcErrorCode.MiscError, "JSON integer out of range");
    }

    /// <summary>find_value: the member, or null when absent (later duplicates are ignored, as UniValue finds the first).</summary>
    public static JsonElement? Member(JsonElement obj, string name)
    {
        foreach (var property in obj.EnumerateObject())
        {
            if (property.NameEquals(name))
            {
                return property.Value.ValueKind == JsonValueKind.Null ? null : property.Value;
            }
        }

        return null;
    }

    private static string StringOrEmpty(JsonElement? value) =>
        value is { ValueKind: JsonValueKind.String } text ? text.GetString()! : string.Empty;

    private static JsonValueKind Normalise(JsonValueKind kind) => kind == JsonValueKind.False ? JsonValueKind.True : kind;
}
