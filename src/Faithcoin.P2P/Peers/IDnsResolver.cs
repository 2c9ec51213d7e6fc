using System.Net;

namespace Faithcoin.P2P.Peers;

/// <summary>Looks up a DNS seed's addresses; injectable so seeding can be tested without the internet.</summary>
public interface IDnsResolver
{
    Task<IReadOnlyList<IPAddress>> ResolveAsync(string host, CancellationToken cancellationToken);
}
