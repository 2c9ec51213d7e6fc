using System.Text;

namespace Faithcoin.Node.Rpc;

/// <summary>The method registry, built once from every <see cref="IRpcMethod"/> registered in the container.</summary>
public sealed class RpcMethodTable : IRpcMethodTable
{
    private readonly Dictionary<string, IRpcMethod> methods = new(StringComparer.Ordinal);

    public RpcMethodTable(IEnumerable<IRpcMethod> registered)
    {
        ArgumentNullException.ThrowIfNull(registered);
        foreach (var method in registered)
        {
            if (!methods.TryAdd(method.Name, method))
            {
                throw new InvalidOperationException($"RPC method '{method.Name}' is registered twice.");
            }
        }
    }

    public IReadOnlyCollection<IRpcMethod> Methods => methods.Values;

    public IRpcMethod? Find(string name) => methods.GetValueOrDefault(name);

    /// <summary>CRPCTable::help: sorted by category then name; the listing shows each help text's first line.</summary>
    public string Help(string command)
    {
        var text = new StringBuilder();
        string? category = null;
        var ordered = methods.Values.OrderBy(m => CategoryName(m.Category) + m.Name, StringComparer.Ordinal);
        foreach (var method in ordered)
        {
            var listing = command.Length == 0;
            if ((listing && method.Category == RpcCategory.Hidden) || (!listing && method.Name != command))
            {
                continue;
            }

            var help = method.Help;
            if (listing)
            {
                var newline = help.IndexOf('\n', StringComparison.Ordinal);
                help = newline >= 0 ? help[..newline] : help;
                var name = CategoryName(method.Category);
                if (category != name)
                {
                    if (category is not null)
                    {
                        text.Append('\n');
                    }

                    category = name;
                    text.Append("== ").Append(char.ToUpperInvariant(name[0])).Append(name.AsSpan(1)).Append(" ==\n");
                }
            }

            text.Append(help).Append('\n');
        }

        if (text.Length == 0)
        {
            text.Append("help: unknown command: ").Append(command).Append('\n');
        }

        return text.ToString(0, text.Length - 1);
    }

    public static string CategoryName(RpcCategory category) => category.ToString().ToLowerInvariant();
}
