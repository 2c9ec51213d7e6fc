using System.Text.Json.Nodes;

namespace Faithcoin.Node.Rpc.Methods.Util;

/// <summary>
/// echo / echojson (hidden): the parameters back as an array, for testing clients. The two differ only in
/// faithcoin-cli's argument conversion, so one class serves both names.
/// </summary>
public sealed class EchoMethod(string name) : IRpcMethod
{
    public string Name => name;

    public RpcCategory Category => RpcCategory.Hidden;

    public IReadOnlyList<string> ArgumentNames { get; } =
        ["arg0", "arg1", "arg2", "arg3", "arg4", "arg5", "arg6", "arg7", "arg8", "arg9"];

    public int MinArguments => 0;

    public int MaxArguments => int.MaxValue;

    public string Help =>
        "echo|echojson \"message\" ...\n" +
        "\nSimply echo back the input arguments. This command is for testing.\n" +
        "\nThe difference between echo and echojson is that echojson has argument conversion enabled in the client-side table in" +
        "faithcoin-cli and the GUI. There is no server-side difference.";

    public ValueTask<JsonNode?> ExecuteAsync(RpcParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var echoed = new JsonArray();
        for (var i = 0; i < parameters.Count; i++)
        {
            echoed.Add(parameters[i] is { } value ? JsonNode.Parse(value.GetRawText()) : null);
        }

        return ValueTask.FromResult<JsonNode?>(echoed);
    }
}
