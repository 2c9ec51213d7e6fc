using System.Net;
using System.Security.Cryptography;
using Faithcoin.P2P.Peers;

namespace Faithcoin.P2P.Tests.Addresses;

/// <summary>Bucket placement against the values of 0.15's addrman_tests (caddrinfo_get_tried_bucket / _new_bucket).</summary>
public sealed class AddressBucketsTests
{
    // (CHashWriter << n).GetHash(): double SHA-256 of the 4-byte little-endian integer. The loops use port 0, as the
    // original test resolves the addresses without one.
    private static readonly AddressBuckets Key1 = new(SHA256.HashData(SHA256.HashData(BitConverter.GetBytes(1))));
    private static readonly AddressBuckets Key2 = new(SHA256.HashData(SHA256.HashData(BitConverter.GetBytes(2))));

    [Fact]
    public void TriedBucketMatchesTheOriginal()
    {
        var address = IPAddress.Parse("250.1.1.1");

        Assert.Equal(40, Key1.TriedBucket(address, 8333));
        Assert.NotEqual(Key1.TriedBucket(address, 8333), Key2.TriedBucket(address, 8333));
        Assert.NotEqual(Key1.TriedBucket(address, 8333), Key1.TriedBucket(address, 9999));
    }

    [Fact]
    public void OneGroupSpreadsOverEightTriedBucketsAndManyGroupsOverMore()
    {
        var sameGroup = Enumerable.Range(0, 255).Select(i => Key1.TriedBucket(IPAddress.Parse($"250.1.1.{i}"), 0)).Distinct().Count();
        var manyGroups = Enumerable.Range(0, 255).Select(j => Key1.TriedBucket(IPAddress.Parse($"250.{j}.1.1"), 0)).Distinct().Count();

        Assert.Equal(8, sameGroup);
        Assert.Equal(160, manyGroups);
    }

    [Fact]
    public void NewBucketMatchesTheOriginalAndIgnoresThePort()
    {
        var address = IPAddress.Parse("250.1.2.1");

        Assert.Equal(786, Key1.NewBucket(address, address));
        Assert.NotEqual(786, Key2.NewBucket(address, address));
    }

    [Fact]
    public void OneSourceGroupIsLimitedTo64NewBuckets()
    {
        var sameGroup = Enumerable.Range(0, 255)
            .Select(i => IPAddress.Parse($"250.1.1.{i}"))
            .Select(a => Key1.NewBucket(a, a))
            .Distinct().Count();
        var oneSource = Enumerable.Range(0, 4 * 255)
            .Select(j => Key1.NewBucket(IPAddress.Parse($"{250 + (j / 255)}.{j % 256}.1.1"), IPAddress.Parse("251.4.1.1")))
            .Distinct().Count();
        var manySources = Enumerable.Range(0, 255)
            .Select(p => Key1.NewBucket(IPAddress.Parse("250.1.1.1"), IPAddress.Parse($"250.{p}.1.1")))
            .Distinct().Count();

        Assert.Equal(1, sameGroup);
        Assert.InRange(oneSource, 2, 64);
        Assert.True(manySources > 64, $"{manySources} buckets");
    }

    [Fact]
    public void PlacementIsDeterministicForAKey()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var first = new AddressBuckets(key);
        var second = new AddressBuckets(key);
        var address = IPAddress.Parse("93.184.216.34");
        var source = IPAddress.Parse("8.8.8.8");

        Assert.Equal(first.NewBucket(address, source), second.NewBucket(address, source));
        Assert.Equal(first.TriedBucket(address, 9333), second.TriedBucket(address, 9333));
        Assert.Equal(first.Position(address, 9333, true, 5), second.Position(address, 9333, true, 5));
        Assert.InRange(first.Position(address, 9333, false, 7), 0, AddressBuckets.BucketSize - 1);
    }

    [Theory]
    [InlineData("8.8.4.4", "01-08-08")]
    [InlineData("::ffff:8.8.4.4", "01-08-08")]
    [InlineData("127.0.0.1", "FF")]
    [InlineData("10.1.2.3", "00")]
    [InlineData("2002:0102:0304::1", "01-01-02")]
    [InlineData("2001:0000:4136:e378:8000:63bf:3fff:fdd2", "01-C0-00")]
    [InlineData("2001:470:abcd::1", "02-20-01-04-70-AF")]
    [InlineData("2a01:4f8:1:2::3", "02-2A-01-04-F8")]
    public void GroupsFollowGetGroup(string address, string group)
    {
        Assert.Equal(group, BitConverter.ToString(NetworkGroup.Of(IPAddress.Parse(address))));
    }
}
