using System.Buffers;
using Faithcoin.Node.Storage;
using NBitcoin;
using Xunit;

namespace Faithcoin.Node.Tests.Storage;

public sealed class StorageEncodingTests
{
    private const long MaxMoney = 84_000_000L * 100_000_000L;

    [Theory]
    [InlineData(0UL, "00")]
    [InlineData(0x7fUL, "7f")]
    [InlineData(0x80UL, "8000")]
    [InlineData(0x1234UL, "a334")]
    [InlineData(0xffffUL, "82fe7f")]
    [InlineData(0x123456UL, "c7e756")]
    [InlineData(0x80123456UL, "86ffc7e756")]
    [InlineData(0xffffffffUL, "8efefefe7f")]
    [InlineData(ulong.MaxValue, "80fefefefefefefefe7f")]
    public void VarIntHasCoresEncoding(ulong value, string hex)
    {
        var writer = new ArrayBufferWriter<byte>();
        StorageEncoding.WriteVarInt(writer, value);
        Assert.Equal(hex, Convert.ToHexStringLower(writer.WrittenSpan));
        var reader = new StorageReader(writer.WrittenSpan);
        Assert.Equal(value, reader.ReadVarInt());
        reader.EnsureEnd();
    }

    [Fact]
    public void VarIntsOfOneLengthSortBytewiseInNumericOrder()
    {
        // Across lengths the order breaks (16511 is ff7f, 16512 is 808000), as in Core's databases.
        var values = new ulong[] { 128, 255, 256, 16383, 16384, 16511 };
        var encoded = values.Select(v =>
        {
            var writer = new ArrayBufferWriter<byte>();
            StorageEncoding.WriteVarInt(writer, v);
            return writer.WrittenSpan.ToArray();
        }).ToList();
        for (var i = 1; i < encoded.Count; i++)
        {
            Assert.True(encoded[i - 1].AsSpan().SequenceCompareTo(encoded[i]) < 0, $"{values[i - 1]} must sort before {values[i]}");
        }
    }

    [Fact]
    public void OverlongVarIntIsRejected()
    {
        Assert.Throws<FormatException>(() => new StorageReader(Convert.FromHexString("ffffffffffffffffffffff7f")).ReadVarInt());
        Assert.Throws<FormatException>(() => new StorageReader(Convert.FromHexString("80")).ReadVarInt());
    }

    [Theory]
    [InlineData(0L, 0x0UL)]
    [InlineData(1L, 0x1UL)]
    [InlineData(1_000_000L, 0x7UL)]
    [InlineData(100_000_000L, 0x9UL)]
    [InlineData(5_000_000_000L, 0x32UL)]
    [InlineData(2_100_000_000_000_000L, 0x1406f40UL)]
    public void AmountCompressionMatchesCore(long amount, ulong compressed)
    {
        Assert.Equal(compressed, AmountCompression.Compress((ulong)amount));
        Assert.Equal((ulong)amount, AmountCompression.Decompress(compressed));
    }

    [Fact]
    public void AmountCompressionRoundTripsAcrossTheRange()
    {
        var random = new Random(7);
        var amounts = Enumerable.Range(0, 10_000).Select(_ => (ulong)random.NextInt64(0, MaxMoney * 100)).ToList();
        amounts.AddRange([0, 1, 9, 10, 99, 100, 1_000_000_000, MaxMoney]);
        foreach (var amount in amounts)
        {
            Assert.Equal(amount, AmountCompression.Decompress(AmountCompression.Compress(amount)));
        }
    }

    [Fact]
    public void AnAmountTooLargeToCompressThrowsInsteadOfWrapping()
    {
        Assert.Throws<OverflowException>(() => AmountCompression.Compress(long.MaxValue));
        Assert.Throws<OverflowException>(() => AmountCompression.Decompress(ulong.MaxValue - 1));
    }

    [Theory]
    [InlineData("76a914000102030405060708090a0b0c0d0e0f1011121388ac", 21)]
    [InlineData("a914000102030405060708090a0b0c0d0e0f1011121387", 21)]
    [InlineData("21020102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20ac", 33)]
    [InlineData("21030102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20ac", 33)]
    [InlineData("0014000102030405060708090a0b0c0d0e0f10111213", 23)]
    [InlineData("6a0568656c6c6f", 8)]
    [InlineData("", 1)]
    [InlineData("4104000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1fac", 68)]
    public void ScriptsCompressToTheExpectedSizeAndBack(string scriptHex, int storedSize)
    {
        var script = Script.FromBytesUnsafe(Convert.FromHexString(scriptHex));
        var writer = new ArrayBufferWriter<byte>();
        ScriptCompression.Write(writer, script);
        Assert.Equal(storedSize, writer.WrittenCount);
        var reader = new StorageReader(writer.WrittenSpan);
        Assert.Equal(scriptHex, Convert.ToHexStringLower(ScriptCompression.Read(ref reader).ToBytes(true)));
        reader.EnsureEnd();
    }

    [Theory]
    [InlineData("04")]
    [InlineData("05")]
    [InlineData("0001")]
    [InlineData("10")]
    public void MalformedCompressedScriptsAreRejected(string hex)
    {
        Assert.Throws<FormatException>(() =>
        {
            var reader = new StorageReader(Convert.FromHexString(hex));
            ScriptCompression.Read(ref reader);
        });
    }
}
