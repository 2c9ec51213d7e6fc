using System.Buffers;
using Faithcoin.Consensus.Chain;
using Faithcoin.P2P.Wire;

namespace Faithcoin.P2P.Tests.Wire;

public sealed class FramingTests
{
    private static readonly uint Magic = ChainParams.Regtest.Magic;

    [Fact]
    public void VerackFrameIsTheKnownTwentyFourBytes()
    {
        var frame = new MessageFramer(Magic).Frame(NetCommands.Verack, []);

        // fabfb5da, "verack" padded to 12, length 0, checksum of the empty payload 5df6e0e2.
        Assert.Equal("fabfb5da76657261636b000000000000000000005df6e0e2", Convert.ToHexStringLower(frame));
    }

    [Fact]
    public void MainnetMessageStartIsFaithcoins()
    {
        var frame = new MessageFramer(ChainParams.Main.Magic).Frame(NetCommands.Ping, new byte[8]);

        Assert.Equal("d0e1f5ec70696e67", Convert.ToHexStringLower(frame.AsSpan(0, 8)));
    }

    [Fact]
    public void DecoderWaitsForAWholeHeaderAndPayload()
    {
        var frame = new MessageFramer(Magic).Frame(NetCommands.Ping, [1, 2, 3, 4, 5, 6, 7, 8]);
        var decoder = new FrameDecoder(Magic);

        for (var cut = 0; cut < frame.Length; cut++)
        {
            var partial = new ReadOnlySequence<byte>(frame, 0, cut);
            Assert.Equal(FrameStatus.NeedMoreData, decoder.TryDecode(ref partial, out _, out _));
            Assert.Equal(cut, partial.Length);
        }

        var whole = new ReadOnlySequence<byte>([.. frame, .. frame]);
        Assert.Equal(FrameStatus.Frame, decoder.TryDecode(ref whole, out var decoded, out _));
        Assert.Equal(NetCommands.Ping, decoded!.Command);
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8], decoded.Payload);
        Assert.Equal(frame.Length, whole.Length);
    }

    [Fact]
    public void WrongMessageStartIsFatal()
    {
        var frame = new MessageFramer(ChainParams.Test.Magic).Frame(NetCommands.Ping, new byte[8]);
        var buffer = new ReadOnlySequence<byte>(frame);

        Assert.Equal(FrameStatus.Fatal, new FrameDecoder(Magic).TryDecode(ref buffer, out _, out var problem));
        Assert.StartsWith("PROCESSMESSAGE: INVALID MESSAGESTART ping", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(WireLimits.MaxProtocolMessageLength + 1)]
    [InlineData(WireLimits.MaxSize + 1)]
    [InlineData(uint.MaxValue)]
    public void LengthOverTheLimitIsFatalFromTheHeaderAlone(uint length)
    {
        var header = new byte[MessageHeader.Size];
        MessageHeader.Write(header, Magic, NetCommands.Block, length, 0);
        var buffer = new ReadOnlySequence<byte>(header);

        Assert.Equal(FrameStatus.Fatal, new FrameDecoder(Magic).TryDecode(ref buffer, out _, out var problem));
        Assert.Contains("Oversized message", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void LengthAtTheLimitIsAcceptedAndWaitsForThePayload()
    {
        var header = new byte[MessageHeader.Size];
        MessageHeader.Write(header, Magic, NetCommands.Block, WireLimits.MaxProtocolMessageLength, 0);
        var buffer = new ReadOnlySequence<byte>(header);

        Assert.Equal(FrameStatus.NeedMoreData, new FrameDecoder(Magic).TryDecode(ref buffer, out _, out _));
    }

    [Fact]
    public void BadChecksumSkipsTheMessageAndKeepsTheStreamInStep()
    {
        var framer = new MessageFramer(Magic);
        var bad = framer.Frame(NetCommands.Ping, new byte[8]);
        bad[20] ^= 0xff;
        var buffer = new ReadOnlySequence<byte>([.. bad, .. framer.Frame(NetCommands.Verack, [])]);
        var decoder = new FrameDecoder(Magic);

        Assert.Equal(FrameStatus.Skipped, decoder.TryDecode(ref buffer, out _, out var problem));
        Assert.Contains("CHECKSUM ERROR", problem, StringComparison.Ordinal);
        Assert.Equal(FrameStatus.Frame, decoder.TryDecode(ref buffer, out var next, out _));
        Assert.Equal(NetCommands.Verack, next!.Command);
    }

    [Theory]
    [InlineData("ping\0\0\0\0\0\0\0\0", true)]
    [InlineData("sendheaders\0", true)]
    [InlineData("abcdefghijkl", true)]
    [InlineData("ping\0x\0\0\0\0\0\0", false)]
    [InlineData("pi\u0001g\0\0\0\0\0\0\0\0", false)]
    [InlineData("pi\u007fg\0\0\0\0\0\0\0\0", false)]
    public void CommandCharactersAreCheckedAs015IsValid(string command, bool valid)
    {
        var header = new byte[MessageHeader.Size];
        MessageHeader.Write(header, Magic, string.Empty, 0, 0);
        System.Text.Encoding.Latin1.GetBytes(command).CopyTo(header, 4);

        Assert.Equal(valid, MessageHeader.Read(header).HasValidCommand);
    }
}
