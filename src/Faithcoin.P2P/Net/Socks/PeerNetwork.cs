namespace Faithcoin.P2P.Net.Socks;

/// <summary>0.15's enum Network, in its order: what -onlynet names and which proxy an address goes through.</summary>
public enum PeerNetwork
{
    /// <summary>NET_UNROUTABLE: local and private addresses; 0.15 sets no proxy for them.</summary>
    Unroutable = 0,

    IPv4 = 1,

    IPv6 = 2,

    /// <summary>NET_TOR: onion services, kept as OnionCat IPv6 addresses.</summary>
    Onion = 3,

    /// <summary>NET_INTERNAL: the made-up addresses that stand for DNS seed names.</summary>
    Internal = 4,
}
