using System.Net;
using Faithcoin.Consensus.Chain;
using Faithcoin.P2P.Tests.Infrastructure;
using Faithcoin.P2P.Wire;
using Faithcoin.P2P.Wire.Payloads;
using NBitcoin;
using NBitcoin.Protocol;
using RejectCode = Faithcoin.Consensus.Validation.RejectCode;
using ServiceFlags = Faithcoin.P2P.Wire.ServiceFlags;

namespace Faithcoin.P2P.Tests.Wire;

public sealed class PayloadTests
{
    [Fact]
    public void VersionIsWrittenFieldByField()
    {
        var payload = VersionMessageCodec.Write(new VersionMessage
        {
            Version = 70015,
            Services = ServiceFlags.Network | ServiceFlags.Witness,
            Timestamp = 0x5a3a0000,
            Receiver = new WireAddress(ServiceFlags.Network, IPAddress.Parse("1.2.3.4"), 9666),
            Sender = WireAddress.None(ServiceFlags.Network | ServiceFlags.Witness),
            Nonce = 0x0807060504030201,
            UserAgent = "/x:1/",
            StartHeight = 5,
            Relay = true,
        });

        Assert.Equal(
            "7f110100" + "0900000000000000" + "00003a5a00000000"
            + "0100000000000000" + "00000000000000000000ffff01020304" + "25c2"
            + "0900000000000000" + "00000000000000000000000000000000" + "0000"
            + "0102030405060708" + "052f783a312f" + "05000000" + "01",
            Convert.ToHexStringLower(payload));
        Assert.Equal(IPAddress.Parse("1.2.3.4"), VersionMessageCodec.Read(payload).Receiver.Address);
    }

    [Fact]
    public void VersionWithoutOptionalFieldsGetsTheDefaultsOf015()
    {
        var full = VersionMessageCodec.Write(new VersionMessage
        {
            Version = 10300,
            Services = ServiceFlags.Network,
            Timestamp = 1,
            Receiver = WireAddress.None(ServiceFlags.None),
        });

        var version = VersionMessageCodec.Read(full.AsSpan(0, 4 + 8 + 8 + 26));

        Assert.Equal(300, version.Version);
        Assert.Equal(1UL, version.Nonce);
        Assert.Equal(-1, version.StartHeight);
        Assert.True(version.Relay);
        Assert.Equal(string.Empty, version.UserAgent);
    }

    [Fact]
    public void UserAgentLongerThan256BytesIsMalformed()
    {
        var payload = VersionMessageCodec.Write(new VersionMessage
        {
            Version = 70015,
            Services = ServiceFlags.Network,
            Timestamp = 1,
            Receiver = WireAddress.None(ServiceFlags.None),
            UserAgent = new string('a', 257),
        });

        Assert.Throws<MalformedPayloadException>(() => VersionMessageCodec.Read(payload));
    }

    [Fact]
    public void UserAgentFollowsBip14WithUaComments()
    {
        Assert.Equal("/FaithcoinNet:0.1.0/", UserAgent.Format("FaithcoinNet", "0.1.0", []));
        Assert.Equal("/FaithcoinNet:0.1.0(a; b c)/", UserAgent.Format("FaithcoinNet", "0.1.0", ["a", "b c"]));
        Assert.Throws<ArgumentException>(() => UserAgent.Format("FaithcoinNet", "0.1.0", ["no/slash"]));
        Assert.Throws<ArgumentException>(() => UserAgent.Format("FaithcoinNet", "0.1.0", [new string('x', 250)]));
    }

    [Fact]
    public void RejectRoundTripsAndCutsLongReasons()
    {
        var hash = uint256.One;
        var payload = RejectMessageCodec.Write(new RejectMessage(NetCommands.Block, RejectCode.Invalid, new string('r', 200), hash));

        var reject = RejectMessageCodec.Read(payload);

        Assert.Equal(NetCommands.Block, reject.Command);
        Assert.Equal(RejectCode.Invalid, reject.Code);
        Assert.Equal(111, reject.Reason.Length);
        Assert.Equal(hash, reject.Hash);
    }

    [Fact]
    public void HeadersPayloadReadsFaithcoinHeadersAndIgnoresTheTxCount()
    {
        var genesis = ChainParams.Regtest.CreateGenesisBlock().Header;
        var payload = Payloads.Headers([genesis]);

        Assert.Equal(1 + 80 + 1, payload.Length);
        Assert.Equal(0, payload[^1]);
        var read = Assert.Single(Payloads.ReadHeaders(payload));
        Assert.IsType<FaithcoinBlockHeader>(read);
        Assert.Equal(ChainParams.Regtest.GenesisHash, read.GetHash());
    }

    [Fact]
    public void GetHeadersCarriesProtocolVersion70015()
    {
        var payload = Payloads.GetHeaders([uint256.One]);

        Assert.Equal("7f110100", Convert.ToHexStringLower(payload.AsSpan(0, 4)));
        Assert.Equal(4 + 1 + 32 + 32, payload.Length);
    }

    [Fact]
    public void BlockPayloadIsAFaithcoinBlock()
    {
        var genesis = ChainParams.Regtest.CreateGenesisBlock();

        var block = Payloads.Serializer.DeserializeBlock(genesis.ToBytes());

        Assert.IsType<FaithcoinBlockHeader>(block.Header);
        Assert.Equal(ChainParams.Regtest.GenesisHash, block.GetHash());
    }

    [Fact]
    public void AddrEntriesCarryTimeServicesAddressAndBigEndianPort()
    {
        var address = new NetworkAddress(IPAddress.Parse("1.2.3.4"), 9666) { Time = DateTimeOffset.FromUnixTimeSeconds(1500000000) };

        var payload = Payloads.Serializer.Serialize(new AddrPayload([address]));

        Assert.Equal("01" + "002f6859" + "0000000000000000" + "00000000000000000000ffff01020304" + "25c2", Convert.ToHexStringLower(payload));
    }

    [Fact]
    public void CompactSizeRejectsNonCanonicalAndOversizedCounts()
    {
        Assert.Equal(50001UL, CompactSizePrefix.ReadCount([0xfd, 0x51, 0xc3]));
        Assert.Throws<MalformedPayloadException>(() => CompactSizePrefix.ReadCount([0xfd, 0x10, 0x00]));
        Assert.Throws<MalformedPayloadException>(() => CompactSizePrefix.ReadCount([0xfe, 0x01, 0x00, 0x00, 0x02]));
        Assert.Throws<MalformedPayloadException>(() => CompactSizePrefix.ReadCount([]));
    }
}
