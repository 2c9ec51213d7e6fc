using System.Text.Json.Nodes;
using NBitcoin;

namespace Faithcoin.Node.Rpc.Formatting;

/// <summary>
/// Core 0.15's ScriptPubKeyToUniv: asm, hex, then reqSigs, type and addresses when addresses can be extracted,
/// or only type when they cannot (witness programs, null data, non-standard scripts).
/// </summary>
public static class ScriptPubKeyJson
{
    public static JsonObject ToJson(Script scriptPubKey, Network network, bool includeHex = true)
    {
        ArgumentNullException.ThrowIfNull(scriptPubKey);
        return ToJson(scriptPubKey.ToBytes(true), network, includeHex);
    }

    public static JsonObject ToJson(byte[] scriptPubKey, Network network, bool includeHex = true)
    {
        ArgumentNullException.ThrowIfNull(scriptPubKey);
        ArgumentNullException.ThrowIfNull(network);
        var result = new JsonObject { ["asm"] = ScriptAsm.ToAsm(scriptPubKey) };
        if (includeHex)
        {
            result["hex"] = Convert.ToHexStringLower(scriptPubKey);
        }

        var template = ScriptClassifier.Classify(scriptPubKey);
        var addresses = ScriptDestinations.Extract(template, network);
        if (addresses is null)
        {
            result["type"] = ScriptTypeNames.Of(template.Type);
            return result;
        }

        result["reqSigs"] = addresses.RequiredSignatures;
        result["type"] = ScriptTypeNames.Of(template.Type);
        result["addresses"] = new JsonArray(addresses.Addresses.Select(a => (JsonNode?)JsonValue.Create(a)).ToArray());
        return result;
    }
}
