using System.Text.Json.Nodes;

namespace Faithcoin.Node.Rpc;

/// <summary>
/// One JSON-RPC method. Implementations are singletons registered with
/// <see cref="RpcServiceCollectionExtensions.AddRpcMethod{TMethod}"/>; the dispatcher handles warm-up, named
/// arguments and the argument-count check, so <see cref="ExecuteAsync"/> sees positional parameters whose
/// count is within [<see cref="MinArguments"/>, <see cref="MaxArguments"/>].
/// </summary>
public interface IRpcMethod
{
    /// <summary>The method name clients call, e.g. "getblockhash".</summary>
    string Name { get; }

    RpcCategory Category { get; }

    /// <summary>Parameter names in position order, for calls that pass params as an object.</summary>
    IReadOnlyList<string> ArgumentNames { get; }

    int MinArguments { get; }

    int MaxArguments { get; }

    /// <summary>The original's help text: the first line is the synopsis `help` lists; all of it is `help name`.</summary>
    string Help { get; }

    /// <summary>Runs the call. Return null for a JSON null result; throw <see cref="RpcException"/> for RPC errors.</summary>
    ValueTask<JsonNode?> ExecuteAsync(RpcParameters parameters, CancellationToken cancellationToken);
}
