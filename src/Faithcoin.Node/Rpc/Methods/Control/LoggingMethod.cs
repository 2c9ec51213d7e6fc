using System.Text.Json;
using System.Text.Json.Nodes;
using Faithcoin.Node.Logging;

namespace Faithcoin.Node.Rpc.Methods.Control;

/// <summary>
/// logging (hidden in 0.15): adds the "include" categories, then removes the "exclude" ones, and returns every
/// category with whether it is debug logged now.
/// </summary>
public sealed class LoggingMethod(DebugCategories categories) : IRpcMethod
{
    public string Name => "logging";

    public RpcCategory Category => RpcCategory.Hidden;

    public IReadOnlyList<string> ArgumentNames { get; } = ["include", "exclude"];

    public int MinArguments => 0;

    public int MaxArguments => 2;

    public string Help =>
        "logging [include,...] <exclude>\n" +
        "Gets and sets the logging configuration.\n" +
        "When called without an argument, returns the list of categories that are currently being debug logged.\n" +
        "When called with arguments, adds or removes categories from debug logging.\n" +
        "The valid logging categories are: " + LogCategoryNames.List() + "\n" +
        "libevent logging is configured on startup and cannot be modified by this RPC during runtime." +
        "Arguments:\n" +
        "1. \"include\" (array of strings) add debug logging for these categories.\n" +
        "2. \"exclude\" (array of strings) remove debug logging for these categories.\n" +
        "\nResult: <categories>  (string): a list of the logging categories that are active.\n" +
        "\nExamples:\n" +
        RpcHelpExamples.Cli(Name, "\"[\\\"all\\\"]\" \"[\\\"http\\\"]\"") +
        RpcHelpExamples.Rpc(Name, "[\"all\"], \"[libevent]\"");

    public ValueTask<JsonNode?> ExecuteAsync(RpcParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);

        // In 0.15's order: the includes take effect before a bad exclude name is reported.
        if (parameters[0] is { ValueKind: JsonValueKind.Array } includes)
        {
            categories.Enable(Mask(includes));
        }

        if (parameters[1] is { ValueKind: JsonValueKind.Array } excludes)
        {
            categories.Disable(Mask(excludes));
        }

        var result = new JsonObject();
        foreach (var (category, name) in LogCategoryNames.Singles)
        {
            result[name] = categories.IsEnabled(category);
        }

        return ValueTask.FromResult<JsonNode?>(result);
    }

    private static LogCategory Mask(JsonElement names)
    {
        var mask = LogCategory.None;
        foreach (var element in names.EnumerateArray())
        {
            if (element.ValueKind != JsonValueKind.String)
            {
                throw new RpcException(RpcErrorCode.MiscError, "JSON value is not a string as expected");
            }

            var name = element.GetString()!;
            if (!LogCategoryNames.TryParse(name, out var category))
            {
                throw new RpcException(RpcErrorCode.InvalidParameter, "unknown logging category " + name);
            }

            mask |= category;
        }

        return mask;
    }
}
