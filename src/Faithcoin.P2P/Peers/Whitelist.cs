using System.Net;

namespace Faithcoin.P2P.Peers;

/// <summary>
/// The -whitelist subnets. Inbound peers from them are never banned and get getheaders answers during
/// initial download; 0.15 applies whitelisting to inbound connections only.
/// </summary>
public sealed class Whitelist
{
    private readonly IReadOnlyList<IPNetwork> subnets;

    public Whitelist(IEnumerable<IPNetwork> subnets)
    {
        ArgumentNullException.ThrowIfNull(subnets);
        this.subnets = subnets.ToArray();
    }

    public static Whitelist Empty { get; } = new([]);

    public IReadOnlyList<IPNetwork> Subnets => subnets;

    public bool Contains(IPAddress address)
    {
        var normalized = AddressClass.Normalize(address);
        return subnets.Any(subnet => subnet.Contains(normalized));
    }
}
