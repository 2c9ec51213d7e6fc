using System.Text;
using System.Text.Json.Nodes;
using Faithcoin.Node.Rpc;

namespace Faithcoin.Node.Tests.Formatting;

/// <summary>A JSON node as the RPC server puts it on the wire (the reply writer's encoder), without the newline.</summary>
internal static class WireJson
{
    public static string Of(JsonNode node) =>
        Encoding.UTF8.GetString(JsonRpcReplyWriter.Build(writer => node.WriteTo(writer))).TrimEnd('\n');
}
