using System.Net;
using Faithcoin.P2P.Net;
using Faithcoin.P2P.Protocol.AddressRelay;
using NBitcoin.Protocol;

namespace Faithcoin.P2P.Tests.AddressRelay;

/// <summary>addrKnown and vAddrToSend: what is queued, what is filtered, how the queue stays bounded.</summary>
public sealed class PeerAddressStateTests
{
    [Fact]
    public void KnownAddressesAreNeitherQueuedNorSentAndSentOnesBecomeKnown()
    {
        var state = new PeerAddressState();
        var random = new Random(1);
        state.AddKnown(new IPEndPoint(IPAddress.Parse("23.1.1.1"), 9666));

        state.Push(Address("23.1.1.1"), random);
        state.Push(Address("23.2.2.2"), random);
        state.Push(Address("23.3.3.3"), random);
        state.AddKnown(new IPEndPoint(IPAddress.Parse("23.3.3.3").MapToIPv6(), 9666));
        var messages = state.TakeMessages();

        var only = Assert.Single(Assert.Single(messages));
        Assert.Equal(IPAddress.Parse("23.2.2.2").MapToIPv6(), ((IPEndPoint)only.Endpoint).Address.MapToIPv6());
        Assert.True(state.IsKnown(new IPEndPoint(IPAddress.Parse("23.2.2.2"), 9666)));
        state.Push(Address("23.2.2.2"), random);
        Assert.Empty(state.TakeMessages());
    }

    [Fact]
    public void TheQueueHoldsAtMostAThousandByRandomReplacement()
    {
        var state = new PeerAddressState();
        var random = new Random(7);
        for (var i = 0; i < 1500; i++)
        {
            state.Push(Address($"23.{i / 256}.{i % 256}.1"), random);
        }

        Assert.Equal(PeerAddressState.MaxToSend, state.QueuedCount);
        var sent = Assert.Single(state.TakeMessages());
        Assert.Equal(1000, sent.Length);
        Assert.Contains(sent, a => ((IPEndPoint)a.Endpoint).Address.MapToIPv4().GetAddressBytes()[1] >= 4); // later ones replaced earlier ones
        Assert.Equal(0, state.QueuedCount);
    }

    [Fact]
    public void TheKnownFilterRemembersAtLeastItsCapacity()
    {
        var filter = new RollingAddressFilter(3);
        var endpoints = Enumerable.Range(1, 7).Select(i => new IPEndPoint(IPAddress.Parse($"23.0.0.{i}"), 1)).ToArray();
        foreach (var endpoint in endpoints)
        {
            filter.Add(endpoint);
        }

        Assert.All(endpoints[^3..], e => Assert.True(filter.Contains(e)));
        Assert.False(filter.Contains(endpoints[0]));
        Assert.True(filter.Contains(new IPEndPoint(IPAddress.Parse("23.0.0.7").MapToIPv6(), 1)));
        Assert.False(filter.Contains(new IPEndPoint(IPAddress.Parse("23.0.0.7"), 2)));
    }

    [Fact]
    public void SipHashMatchesTheReferenceVectors()
    {
        // SipHash-2-4 with key 00..0f, as in 0.15's crypto tests.
        var hasher = new SipHasher(0x0706050403020100UL, 0x0F0E0D0C0B0A0908UL);
        Assert.Equal(0x726fdb47dd0e0e31UL, hasher.Finalize());
        Assert.Equal(0x74f839c593dc67fdUL, hasher.Write([0]).Finalize());
        var word = hasher.Write(0x0706050403020100UL);
        Assert.Equal(0x93f5f5799a932462UL, word.Finalize());
        Assert.Equal(word.Finalize(), hasher.Write([0, 1, 2, 3, 4, 5, 6, 7]).Finalize());
        Assert.Equal(0x3f2acc7f57c29bdbUL, word.Write([8, 9, 10, 11, 12, 13, 14, 15]).Finalize());
        Assert.Equal(0x726fdb47dd0e0e31UL, hasher.Finalize()); // writes leave the original alone
    }

    private static NetworkAddress Address(string ip) =>
        new(IPAddress.Parse(ip), 9666) { Time = DateTimeOffset.UtcNow, Services = NodeServices.Network };
}
