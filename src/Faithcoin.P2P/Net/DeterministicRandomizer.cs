using System.Security.Cryptography;

namespace Faithcoin.P2P.Net;

/// <summary>
/// CConnman::GetDeterministicRandomizer: SipHash keyed by two secret per-node seeds, then the purpose's id. The
/// same input always gives the same answer on this node and an unpredictable one elsewhere, which is what
/// eviction's protected netgroups and address relay's choice of peers rely on.
/// </summary>
public sealed class DeterministicRandomizer
{
    /// <summary>RANDOMIZER_ID_NETGROUP: SHA256("netgroup")[0:8].</summary>
    public const ulong NetGroupId = 0x6c0edd8036ef4036UL;

    /// <summary>RANDOMIZER_ID_ADDRESS_RELAY: SHA256("address relay")[0:8].</summary>
    public const ulong AddressRelayId = 0x3cac0035b5866b90UL;

    private readonly ulong seed0;
    private readonly ulong seed1;

    public DeterministicRandomizer()
        : this(BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8)), BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8)))
    {
    }

    public DeterministicRandomizer(ulong seed0, ulong seed1)
    {
        this.seed0 = seed0;
        this.seed1 = seed1;
    }

    /// <summary>A hasher that has taken the purpose's id; the caller writes the rest and finalizes.</summary>
    public SipHasher For(ulong id) => new SipHasher(seed0, seed1).Write(id);

    /// <summary>CalculateKeyedNetGroup: the group (/16 and the like) hashed, so attackers cannot aim at protected groups.</summary>
    public ulong KeyedNetGroup(System.Net.IPAddress address) =>
        For(NetGroupId).Write(Peers.NetworkGroup.Of(address)).Finalize();
}
