using System.Net;
using Faithcoin.P2P.Net.ProxyProtocol;

namespace Faithcoin.P2P.Tests.Net.ProxyProtocol;

public sealed class ProxyHeaderParserTests
{
    private static readonly IPEndPoint Destination = IPEndPoint.Parse("10.0.0.5:9666");

    [Fact]
    public void V1Tcp4CarriesTheSourceAndItsLength()
    {
        var bytes = ProxyHeaders.V1("PROXY TCP4 203.0.113.7 10.0.0.5 51234 9666\r\n").Concat(new byte[] { 0xfa, 0xbf }).ToArray();

        var status = ProxyHeaderParser.TryParse(bytes, out var header, out _);

        Assert.Equal(ProxyHeaderStatus.Parsed, status);
        Assert.Equal(IPEndPoint.Parse("203.0.113.7:51234"), header!.Source);
        Assert.Equal(bytes.Length - 2, header.Length);
    }

    [Fact]
    public void V1Tcp6CarriesTheSource()
    {
        var status = ProxyHeaderParser.TryParse(ProxyHeaders.V1("PROXY TCP6 2001:db8::7 2001:db8::1 4000 9666\r\n"), out var header, out _);

        Assert.Equal(ProxyHeaderStatus.Parsed, status);
        Assert.Equal(IPEndPoint.Parse("[2001:db8::7]:4000"), header!.Source);
    }

    [Theory]
    [InlineData("PROXY UNKNOWN\r\n")]
    [InlineData("PROXY UNKNOWN ffff:f...f:ffff ffff:f...f:ffff 65535 65535\r\n")]
    public void V1UnknownKeepsTheSocketAddress(string line)
    {
        var status = ProxyHeaderParser.TryParse(ProxyHeaders.V1(line), out var header, out _);

        Assert.Equal(ProxyHeaderStatus.Parsed, status);
        Assert.Null(header!.Source);
        Assert.Equal(line.Length, header.Length);
    }

    [Theory]
    [InlineData("P")]
    [InlineData("PROXY")]
    [InlineData("PROXY TCP4 203.0.113.7 10.0.0.5 512")]
    [InlineData("PROXY TCP4 203.0.113.7 10.0.0.5 51234 9666\r")]
    public void AnIncompleteV1LineNeedsMoreData(string start)
    {
        Assert.Equal(ProxyHeaderStatus.NeedMoreData, ProxyHeaderParser.TryParse(ProxyHeaders.V1(start), out _, out _));
    }

    [Theory]
    [InlineData("PROXY TCP4 203.0.113.7 10.0.0.5 51234\r\n")]
    [InlineData("PROXY TCP4 2001:db8::7 10.0.0.5 51234 9666\r\n")]
    [InlineData("PROXY TCP6 203.0.113.7 10.0.0.5 51234 9666\r\n")]
    [InlineData("PROXY TCP4 203.0.113.7 10.0.0.5 65536 9666\r\n")]
    [InlineData("PROXY TCP4 203.0.113.7 10.0.0.5 0123 9666\r\n")]
    [InlineData("PROXY TCP4 203.0.113.7  10.0.0.5 51234 9666\r\n")]
    [InlineData("PROXY TCP4 1 10.0.0.5 51234 9666\r\n")]
    [InlineData("PROXY UDP4 203.0.113.7 10.0.0.5 51234 9666\r\n")]
    [InlineData("PROXY \r\n")]
    public void BadV1SyntaxIsMalformed(string line)
    {
        var status = ProxyHeaderParser.TryParse(ProxyHeaders.V1(line), out var header, out var error);

        Assert.Equal(ProxyHeaderStatus.Malformed, status);
        Assert.Null(header);
        Assert.Contains("PROXY v1", error, StringComparison.Ordinal);
    }

    [Fact]
    public void AV1LineWithoutCrlfIn107BytesIsMalformed()
    {
        var line = ProxyHeaders.V1("PROXY UNKNOWN " + new string('x', 100));

        Assert.Equal(ProxyHeaderStatus.NeedMoreData, ProxyHeaderParser.TryParse(line.AsSpan(0, 106), out _, out _));
        Assert.Equal(ProxyHeaderStatus.Malformed, ProxyHeaderParser.TryParse(line, out _, out _));
    }

    [Fact]
    public void V2Tcp4CarriesTheSourceAndSkipsTlvs()
    {
        var bytes = ProxyHeaders.V2(IPEndPoint.Parse("198.51.100.9:40000"), Destination, tlvs: [0x04, 0x00, 0x01, 0x00]);

        var status = ProxyHeaderParser.TryParse(bytes.Concat(new byte[] { 1, 2, 3 }).ToArray(), out var header, out _);

        Assert.Equal(ProxyHeaderStatus.Parsed, status);
        Assert.Equal(IPEndPoint.Parse("198.51.100.9:40000"), header!.Source);
        Assert.Equal(bytes.Length, header.Length);
    }

    [Fact]
    public void V2Tcp6CarriesTheSource()
    {
        var bytes = ProxyHeaders.V2(IPEndPoint.Parse("[2001:db8::9]:40001"), IPEndPoint.Parse("[2001:db8::1]:9666"));

        var status = ProxyHeaderParser.TryParse(bytes, out var header, out _);

        Assert.Equal(ProxyHeaderStatus.Parsed, status);
        Assert.Equal(IPEndPoint.Parse("[2001:db8::9]:40001"), header!.Source);
        Assert.Equal(16 + 36, header.Length);
    }

    [Fact]
    public void V2LocalAndUnspecifiedFamilyKeepTheSocketAddress()
    {
        var local = ProxyHeaders.V2(IPEndPoint.Parse("198.51.100.9:40000"), Destination, versionCommand: 0x20);
        var unspec = ProxyHeaders.V2Raw(0x21, 0x00, []);

        Assert.Equal(ProxyHeaderStatus.Parsed, ProxyHeaderParser.TryParse(local, out var localHeader, out _));
        Assert.Null(localHeader!.Source);
        Assert.Equal(ProxyHeaderStatus.Parsed, ProxyHeaderParser.TryParse(unspec, out var unspecHeader, out _));
        Assert.Null(unspecHeader!.Source);
        Assert.Equal(16, unspecHeader.Length);
    }

    [Fact]
    public void ATruncatedV2HeaderNeedsMoreData()
    {
        var bytes = ProxyHeaders.V2(IPEndPoint.Parse("198.51.100.9:40000"), Destination);

        for (var length = 1; length < bytes.Length; length++)
        {
            Assert.Equal(ProxyHeaderStatus.NeedMoreData, ProxyHeaderParser.TryParse(bytes.AsSpan(0, length), out _, out _));
        }
    }

    [Theory]
    [InlineData(0x11, 0x11)] // version 1 in the binary format
    [InlineData(0x31, 0x11)] // version 3
    [InlineData(0x22, 0x11)] // command 2
    public void AWrongV2VersionOrCommandIsMalformed(byte versionCommand, byte family)
    {
        var bytes = ProxyHeaders.V2Raw(versionCommand, family, new byte[12]);

        Assert.Equal(ProxyHeaderStatus.Malformed, ProxyHeaderParser.TryParse(bytes, out _, out var error));
        Assert.Contains("PROXY v2", error, StringComparison.Ordinal);
    }

    [Fact]
    public void AV2LengthTooShortForItsAddressesIsMalformed()
    {
        var bytes = ProxyHeaders.V2Raw(0x21, 0x21, new byte[12]);

        Assert.Equal(ProxyHeaderStatus.Malformed, ProxyHeaderParser.TryParse(bytes, out _, out _));
    }

    [Theory]
    [InlineData(new byte[] { 0xfa, 0xbf, 0xb5, 0xda })] // regtest message start
    [InlineData(new byte[] { (byte)'P', (byte)'R', (byte)'O', (byte)'X', (byte)'Z' })]
    [InlineData(new byte[] { 0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0B })]
    [InlineData(new byte[] { 0x0D, 0x0B })]
    public void BytesThatDivergeFromBothSignaturesAreNotProxy(byte[] bytes)
    {
        Assert.Equal(ProxyHeaderStatus.NotProxy, ProxyHeaderParser.TryParse(bytes, out var header, out _));
        Assert.Null(header);
    }

    [Fact]
    public void NothingYetNeedsMoreData()
    {
        Assert.Equal(ProxyHeaderStatus.NeedMoreData, ProxyHeaderParser.TryParse([], out _, out _));
    }
}
