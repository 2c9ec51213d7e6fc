using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Faithcoin.Node.Rpc;

/// <summary>
/// CRPCTable::execute: refuse while warming up, find the method, map named parameters to positions, check the
/// argument count (the original answers a wrong count with the method's help as error -1) and run it.
/// </summary>
public sealed class RpcDispatcher(
    IRpcMethodTable table,
    RpcWarmup warmup,
    IEnumerable<IUnavailableRpcMethods>? unavailable = null,
    IRpcCallObserver? observer = null)
{
    public async ValueTask<JsonNode?> ExecuteAsync(JsonRpcRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (warmup.IsActive(out var status))
        {
            throw new RpcException(RpcErrorCode.InWarmup, status);
        }

        var method = table.Find(request.Method)
            ?? throw new RpcException(RpcErrorCode.MethodNotFound, NotFoundMessage(request.Method));
        var parameters = request.Params is { ValueKind: JsonValueKind.Object } named
            ? MapNamedArguments(named, method.ArgumentNames)
            : Positional(request.Params);
        if (parameters.Count < method.MinArguments || parameters.Count > method.MaxArguments)
        {
            throw new RpcException(RpcErrorCode.MiscError, method.Help);
        }

        var started = Stopwatch.GetTimestamp();
        int? error = RpcErrorCode.MiscError;
        try
        {
            var result = await method.ExecuteAsync(parameters, cancellationToken).ConfigureAwait(false);
            error = null;
            return result;
        }
        catch (RpcException e)
        {
            error = e.Code;
            throw;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new RpcException(RpcErrorCode.MiscError, e.Message);
        }
        finally
        {
            observer?.Completed(method.Name, Stopwatch.GetElapsedTime(started), error);
        }
    }

    private string NotFoundMessage(string method) =>
        (unavailable ?? []).Select(u => u.Explain(method)).FirstOrDefault(m => m is not null) ?? "Method not found";

    private static RpcParameters Positional(JsonElement? parameters) =>
        parameters is { ValueKind: JsonValueKind.Array } array
            ? new RpcParameters(array.EnumerateArray().Select(e => (JsonElement?)e).ToArray())
            : RpcParameters.Empty;

    /// <summary>
    /// transformNamedArguments: gaps between given names become nulls, trailing gaps are dropped (methods
    /// look at the count), and a name the method does not have is an error.
    /// </summary>
    private static RpcParameters MapNamedArguments(JsonElement named, IReadOnlyList<string> argumentNames)
    {
        var given = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in named.EnumerateObject())
        {
            given[property.Name] = property.Value;
        }

        var positional = new List<JsonElement?>();
        var hole = 0;
        foreach (var name in argumentNames)
        {
            if (given.Remove(name, out var value))
            {
                for (; hole > 0; hole--)
                {
                    positional.Add(null);
                }

                positional.Add(value);
            }
            else
            {
                hole++;
            }
        }

        if (given.Count > 0)
        {
            throw new RpcException(RpcErrorCode.InvalidParameter, "Unknown named parameter " + given.Keys.Order(StringComparer.Ordinal).First());
        }

        return new RpcParameters(positional);
    }
}
