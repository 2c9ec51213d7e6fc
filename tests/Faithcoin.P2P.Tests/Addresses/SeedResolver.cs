using System.Collections.Concurrent;
using System.Net;
using Faithcoin.P2P.Peers;

namespace Faithcoin.P2P.Tests.Addresses;

/// <summary>An in-test DNS: every seed name answers with the given addresses; the names asked are recorded.</summary>
public sealed class SeedResolver(params IPAddress[] answer) : IDnsResolver
{
    public ConcurrentQueue<string> Asked { get; } = new();

    public Task<IReadOnlyList<IPAddress>> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        Asked.Enqueue(host);
        return Task.FromResult<IReadOnlyList<IPAddress>>(answer);
    }
}
