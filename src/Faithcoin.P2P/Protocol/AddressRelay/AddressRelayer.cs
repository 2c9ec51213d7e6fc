using System.Buffers.Binary;
using System.Net;
using System.Security.Cryptography;
using Faithcoin.P2P.Net;
using NetworkAddress = NBitcoin.Protocol.NetworkAddress;

namespace Faithcoin.P2P.Protocol.AddressRelay;

/// <summary>
/// RelayAddress and PushAddress: a fresh address from one peer is queued for two fully connected peers (one when
/// its network is not reachable for us). The two are the highest SipHash of (address, day, peer id) under the
/// node's secret key, so for a day the same peers get the same address and their known filters stop repeats.
/// </summary>
public sealed class AddressRelayer
{
    /// <summary>The most entries an addr message may have for its addresses to be relayed (a reply to getaddr is not news).</summary>
    public const int MaxRelayedMessageSize = 10;

    private static readonly TimeSpan RelayWindow = TimeSpan.FromDays(1);

    private readonly PeerTable peers;
    private readonly DeterministicRandomizer randomizer;
    private readonly TimeProvider time;
    private readonly Random random;
    private readonly Lock randomGate = new();

    public AddressRelayer(PeerTable peers, DeterministicRandomizer randomizer, TimeProvider time, Random random)
    {
        ArgumentNullException.ThrowIfNull(peers);
        ArgumentNullException.ThrowIfNull(randomizer);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(random);
        this.peers = peers;
        this.randomizer = randomizer;
        this.time = time;
        this.random = random;
    }

    /// <summary>
    /// IsReachable: IPv4 and IPv6 are; Tor addresses (OnionCat, fd87:d87e:eb43::/48) are not, as there is no
    /// Tor proxy. -onlynet limits are not applied here.
    /// </summary>
    public static bool IsReachable(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var bytes = Peers.NetworkGroup.ToIPv6(Peers.AddressClass.Normalize(address)).GetAddressBytes();
        return !bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFD, 0x87, 0xD8, 0x7E, 0xEB, 0x43]);
    }

    /// <summary>The peers an address goes to now, best first (exposed for tests of the choice).</summary>
    public IReadOnlyList<PeerContext> ChooseTargets(IPEndPoint endpoint, bool reachable)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var addressHash = AddressHash(endpoint.Address);
        var day = unchecked((ulong)time.GetUtcNow().ToUnixTimeSeconds() + addressHash) / (ulong)RelayWindow.TotalSeconds;
        var hasher = randomizer.For(DeterministicRandomizer.AddressRelayId).Write(addressHash << 32).Write(day);
        return peers.All
            .Where(p => p.Connection.HandshakeComplete && !p.Connection.IsDisconnecting)
            .Select(p => (Peer: p, Key: hasher.Write((ulong)p.Id).Finalize()))
            .OrderByDescending(x => x.Key)
            .Take(reachable ? 2 : 1)
            .Select(x => x.Peer)
            .ToList();
    }

    /// <summary>RelayAddress: the source peer may be among the chosen; its known filter keeps the address from it.</summary>
    public void Relay(NetworkAddress address, bool reachable)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.Endpoint is not IPEndPoint endpoint)
        {
            return;
        }

        foreach (var peer in ChooseTargets(endpoint, reachable))
        {
            Push(peer, address);
        }
    }

    /// <summary>PushAddress into the peer's queue (sent at its next addr broadcast).</summary>
    public void Push(PeerContext peer, NetworkAddress address)
    {
        ArgumentNullException.ThrowIfNull(peer);
        lock (randomGate)
        {
            peer.State.Addresses.Push(address, random);
        }
    }

    /// <summary>A draw for AdvertiseLocal's coin flips (Random is not thread-safe).</summary>
    public int NextRandom(int exclusiveMax)
    {
        lock (randomGate)
        {
            return random.Next(exclusiveMax);
        }
    }

    // CNetAddr::GetHash: the first eight bytes of the double SHA-256 of the 16-byte address.
    private static ulong AddressHash(IPAddress address)
    {
        var bytes = Peers.NetworkGroup.ToIPv6(Peers.AddressClass.Normalize(address)).GetAddressBytes();
        return BinaryPrimitives.ReadUInt64LittleEndian(SHA256.HashData(SHA256.HashData(bytes)));
    }
}
