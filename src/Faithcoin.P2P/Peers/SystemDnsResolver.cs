using System.Net;

namespace Faithcoin.P2P.Peers;

/// <summary>The operating system's resolver (LookupHost).</summary>
public sealed class SystemDnsResolver : IDnsResolver
{
    public async Task<IReadOnlyList<IPAddress>> ResolveAsync(string host, CancellationToken cancellationToken) =>
        await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
}
