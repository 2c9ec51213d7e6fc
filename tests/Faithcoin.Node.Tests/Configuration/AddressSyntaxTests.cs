using System.Net;
using Faithcoin.Node.Configuration;

namespace Faithcoin.Node.Tests.Configuration;

public sealed class AddressSyntaxTests
{
    [Theory]
    [InlineData("127.0.0.1", "127.0.0.1", 9332)]
    [InlineData("127.0.0.1:1234", "127.0.0.1", 1234)]
    [InlineData("[::1]:1234", "::1", 1234)]
    [InlineData("[::1]", "::1", 9332)]
    [InlineData("::1", "::1", 9332)]
    [InlineData("fe80::1:1234", "fe80::1:1234", 9332)]
    public void SplitsHostAndPortLikeTheOriginal(string text, string host, int port)
    {
        Assert.True(HostPort.TryParse(text, 9332, out var parsed));
        Assert.Equal(new HostPort(host, port), parsed);
    }

    [Theory]
    [InlineData("1.2.3.4:x")]
    [InlineData(":80")]
    [InlineData("1.2.3.4:65536")]
    public void RefusesBadHostPorts(string text) => Assert.False(HostPort.TryParse(text, 9332, out _));

    [Theory]
    [InlineData("10.1.2.3", "10.1.2.3", true)]
    [InlineData("10.1.2.3", "10.1.2.4", false)]
    [InlineData("10.0.0.0/8", "10.200.1.1", true)]
    [InlineData("10.0.0.0/8", "11.0.0.1", false)]
    [InlineData("192.168.1.0/255.255.255.0", "192.168.1.77", true)]
    [InlineData("192.168.1.0/255.255.255.0", "192.168.2.77", false)]
    [InlineData("0.0.0.0/0", "8.8.8.8", true)]
    [InlineData("fd00::/8", "fd12::1", true)]
    [InlineData("10.0.0.0/8", "::ffff:10.0.0.5", true)]
    public void SubnetsMatchLikeRpcAllowIp(string subnet, string address, bool expected)
    {
        Assert.True(SubnetSpec.TryParse(subnet, out var parsed));
        Assert.Equal(expected, parsed!.Contains(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("example.com")]
    [InlineData("10.0.0.0/33")]
    [InlineData("10.0.0.0/ffff::")]
    [InlineData("*")]
    public void RefusesBadSubnets(string text) => Assert.False(SubnetSpec.TryParse(text, out _));
}
