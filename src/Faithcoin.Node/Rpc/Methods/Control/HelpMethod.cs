using System.Text.Json.Nodes;

namespace Faithcoin.Node.Rpc.Methods.Control;

/// <summary>
/// help ( "command" ): the table is reached lazily because it is built from every method, this one included.
/// </summary>
public sealed class HelpMethod(Lazy<IRpcMethodTable> table) : IRpcMethod
{
    public string Name => "help";

    public RpcCategory Category => RpcCategory.Control;

    public IReadOnlyList<string> ArgumentNames { get; } = ["command"];

    public int MinArguments => 0;

    public int MaxArguments => 1;

    public string Help =>
        "help ( \"command\" )\n" +
        "\nList all commands, or get help for a specified command.\n" +
        "\nArguments:\n" +
        "1. \"command\"     (string, optional) The command to get help on\n" +
        "\nResult:\n" +
        "\"text\"     (string) The help text\n";

    public ValueTask<JsonNode?> ExecuteAsync(RpcParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var command = parameters.Count > 0 ? parameters.GetString(0) : string.Empty;
        return ValueTask.FromResult<JsonNode?>(JsonValue.Create(table.Value.Help(command)));
    }
}
