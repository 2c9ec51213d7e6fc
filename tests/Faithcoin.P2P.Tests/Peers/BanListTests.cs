using System.Net;
using Faithcoin.P2P.Peers;

namespace Faithcoin.P2P.Tests.Peers;

public sealed class BanListTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);

    [Fact]
    public void BanCoversTheSubnetUntilItExpires()
    {
        var list = new BanList();
        list.Ban(IPNetwork.Parse("10.1.0.0/16"), Now, Now.AddHours(1), BanReason.ManuallyAdded);

        Assert.True(list.IsBanned(IPAddress.Parse("10.1.2.3"), Now));
        Assert.True(list.IsBanned(IPAddress.Parse("::ffff:10.1.2.3"), Now));
        Assert.False(list.IsBanned(IPAddress.Parse("10.2.0.1"), Now));
        Assert.False(list.IsBanned(IPAddress.Parse("10.1.2.3"), Now.AddHours(1)));
        Assert.Empty(list.GetEntries(Now.AddHours(2)));
    }

    [Fact]
    public void ALongerExistingBanIsKept()
    {
        var list = new BanList();
        var subnet = IPNetwork.Parse("1.2.3.4/32");
        list.Ban(subnet, Now, Now.AddDays(2), BanReason.ManuallyAdded);
        list.Ban(subnet, Now, Now.AddDays(1), BanReason.NodeMisbehaving);

        var entry = Assert.Single(list.GetEntries(Now));
        Assert.Equal(Now.AddDays(2), entry.BannedUntil);
        Assert.Equal(BanReason.ManuallyAdded, entry.Reason);
    }

    [Fact]
    public void FileRoundTripKeepsActiveEntriesAndCleansTheDirtyFlag()
    {
        var path = Path.Combine(Path.GetTempPath(), $"banlist-{Guid.NewGuid():N}.json");
        try
        {
            var list = new BanList();
            list.Ban(IPNetwork.Parse("1.2.3.4/32"), Now, Now.AddDays(1), BanReason.NodeMisbehaving);
            list.Ban(IPNetwork.Parse("2001:db8::/32"), Now, Now.AddDays(3), BanReason.ManuallyAdded);
            Assert.True(list.IsDirty);
            new BanListFile(path).Save(list, Now);
            Assert.False(list.IsDirty);

            var loaded = new BanList();
            Assert.True(new BanListFile(path).TryLoad(loaded, Now.AddDays(2)));

            var entry = Assert.Single(loaded.GetEntries(Now.AddDays(2)));
            Assert.Equal(IPNetwork.Parse("2001:db8::/32"), entry.Subnet);
            Assert.Equal(Now, entry.Created);
            Assert.Equal(BanReason.ManuallyAdded, entry.Reason);
            Assert.False(new BanListFile(path + ".missing").TryLoad(loaded, Now));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void MisbehaviourCrossesTheThresholdOnce()
    {
        var score = new MisbehaviourScore(100);

        Assert.False(score.Add(99));
        Assert.True(score.Add(1));
        Assert.False(score.Add(20));
        Assert.Equal(120, score.Score);
        Assert.True(score.TakeShouldBan());
        Assert.False(score.TakeShouldBan());
    }

    [Theory]
    [InlineData("127.0.0.1", true, false)]
    [InlineData("127.8.9.10", true, false)]
    [InlineData("::1", true, false)]
    [InlineData("10.0.0.5", false, false)]
    [InlineData("192.168.1.1", false, false)]
    [InlineData("172.20.0.1", false, false)]
    [InlineData("100.64.0.1", false, false)]
    [InlineData("8.8.8.8", false, true)]
    [InlineData("::ffff:8.8.8.8", false, true)]
    [InlineData("2001:4860::8888", false, true)]
    [InlineData("fd00::1", false, false)]
    [InlineData("fe80::1", false, false)]
    public void AddressesAreClassifiedAs015Does(string address, bool local, bool routable)
    {
        var ip = IPAddress.Parse(address);

        Assert.Equal(local, AddressClass.IsLocal(ip));
        Assert.Equal(routable, AddressClass.IsRoutable(ip));
    }
}
