using System.Text.Json;

namespace Faithcoin.Node.Rpc;

/// <summary>
/// One call as the original's JSONRPCRequest::parse reads it: any "jsonrpc" member is ignored (replies always
/// use the 1.0 shape), "id" is echoed as given, "params" is an array, an object (named) or absent.
/// </summary>
public sealed record JsonRpcRequest(JsonElement? Id, string Method, JsonElement? Params)
{
    /// <summary>Parses one request object. <paramref name="id"/> is set as soon as it is known so errors can carry it.</summary>
    public static JsonRpcRequest Parse(JsonElement element, out JsonElement? id)
    {
        id = null;
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new RpcException(RpcErrorCode.InvalidRequest, "Invalid Request object");
        }

        id = FirstMember(element, "id");
        var method = FirstMember(element, "method");
        if (method is null or { ValueKind: JsonValueKind.Null })
        {
            throw new RpcException(RpcErrorCode.InvalidRequest, "Missing method");
        }

        if (method.Value.ValueKind != JsonValueKind.String)
        {
            throw new RpcException(RpcErrorCode.InvalidRequest, "Method must be a string");
        }

        var parameters = FirstMember(element, "params");
        if (parameters is { ValueKind: not (JsonValueKind.Array or JsonValueKind.Object or JsonValueKind.Null) })
        {
            throw new RpcException(RpcErrorCode.InvalidRequest, "Params must be an array or object");
        }

        if (parameters is { ValueKind: JsonValueKind.Null })
        {
            parameters = null;
        }

        return new JsonRpcRequest(id, method.Value.GetString()!, parameters);
    }

    // UniValue's find_value returns the first of duplicate keys; JsonElement.TryGetProperty would return the last.
    private static JsonElement? FirstMember(JsonElement element, string name)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (property.NameEquals(name))
            {
                return property.Value;
            }
        }

        return null;
    }
}
