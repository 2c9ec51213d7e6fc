namespace Faithcoin.Node.Rpc;

/// <summary>
/// Told about every call the dispatcher ran (a method that exists, with a valid argument count), for metrics.
/// Calls it refused earlier (warm-up, unknown method) are left out so a client cannot create series at will.
/// </summary>
public interface IRpcCallObserver
{
    /// <summary><paramref name="error"/> is the RPC error code, null when the method returned a result. Must be cheap and must not throw.</summary>
    void Completed(string method, TimeSpan elapsed, int? error);
}
