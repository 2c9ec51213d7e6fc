using System.Buffers.Binary;
using System.Security.Cryptography;
using Faithcoin.P2P.Protocol.Compact;
using Faithcoin.P2P.Tests.Infrastructure;
using Faithcoin.P2P.Wire.Payloads;
using NBitcoin;
using CmpctBlockPayload = NBitcoin.Protocol.CmpctBlockPayload;

namespace Faithcoin.P2P.Tests.Compact;

public sealed class CompactCodecTests
{
    [Fact]
    public void SipHashOfAHashMatchesCoresVector()
    {
        // Core's siphash_tests: SipHashUint256(0x0706050403020100, 0x0F0E0D0C0B0A0908, uint256S("1f1e...00")).
        var hasher = new ShortIdHasher(0x0706050403020100UL, 0x0F0E0D0C0B0A0908UL);

        var hash = hasher.SipHash(new uint256("1f1e1d1c1b1a191817161514131211100f0e0d0c0b0a09080706050403020100"));

        Assert.Equal(0x7127512f72f27cceUL, hash);
    }

    [Fact]
    public void ShortIdsAreKeyedBySha256OfHeaderAndNonceAndCutToSixBytes()
    {
        var block = CompactFixtures.MineWith(CompactFixtures.Tip, 301, CompactFixtures.WitnessTransactions(3));
        var material = new byte[88];
        block.Header.ToBytes().CopyTo(material, 0);
        BinaryPrimitives.WriteUInt64LittleEndian(material.AsSpan(80), 99);
        var key = SHA256.HashData(material);
        var expected = new ShortIdHasher(BinaryPrimitives.ReadUInt64LittleEndian(key), BinaryPrimitives.ReadUInt64LittleEndian(key.AsSpan(8)));

        var byTxid = HeaderAndShortIds.FromBlock(block, useWtxid: false, nonce: 99);
        var byWtxid = HeaderAndShortIds.FromBlock(block, useWtxid: true, nonce: 99);

        Assert.Equal(block.Transactions.Skip(1).Select(t => expected.SipHash(t.GetHash()) & 0xffff_ffff_ffff), byTxid.ShortIds);
        Assert.Equal(block.Transactions.Skip(1).Select(t => expected.SipHash(t.GetWitHash()) & 0xffff_ffff_ffff), byWtxid.ShortIds);
        Assert.NotEqual(byTxid.ShortIds, byWtxid.ShortIds);
    }

    [Fact]
    public void CompactBlockReadsBackAndAgreesWithNBitcoinsIndependentCodec()
    {
        var block = CompactFixtures.MineWith(CompactFixtures.Tip, 301, CompactFixtures.WitnessTransactions(3));
        var compact = HeaderAndShortIds.FromBlock(block, useWtxid: false, nonce: 0x0102030405060708);

        var bytes = Payloads.Serializer.Serialize(compact);
        var back = CompactFixtures.ReadCompactBlock(bytes);
        var other = Payloads.Serializer.Deserialize<CmpctBlockPayload>(bytes);

        Assert.Equal(block.GetHash(), back.Header.GetHash());
        Assert.Equal(0x0102030405060708UL, back.Nonce);
        Assert.Equal(compact.ShortIds, back.ShortIds);
        Assert.Equal([0], back.Prefilled.Select(p => p.Index));
        Assert.Equal(block.Transactions[0].GetHash(), back.Prefilled[0].Transaction.GetHash());
        Assert.Equal(block.Transactions.Skip(1).Select(t => other.GetShortID(t.GetHash())), back.ShortIds);
        Assert.Equal(80 + 8 + 1 + (3 * 6) + 1 + 1 + block.Transactions[0].GetSerializedSize(), bytes.Length);
    }

    [Fact]
    public void PrefilledPositionsAreDifferentialOnTheWire()
    {
        var block = CompactFixtures.MineWith(CompactFixtures.Tip, 301, CompactFixtures.WitnessTransactions(3));
        var compact = new HeaderAndShortIds { Header = block.Header, Nonce = 1 };
        compact.Prefilled.Add(new PrefilledTransaction(0, block.Transactions[0]));
        compact.Prefilled.Add(new PrefilledTransaction(2, block.Transactions[2]));
        compact.ShortIds.Add(5);
        compact.ShortIds.Add(6);

        var bytes = Payloads.Serializer.Serialize(compact, TransactionOptions.None);
        var back = CompactFixtures.ReadCompactBlock(bytes);

        // Header, nonce, 2 short ids, then 2 prefilled: (0, coinbase), (2 - 0 - 1 = 1, tx).
        var prefilledStart = 80 + 8 + 1 + 12;
        Assert.Equal(2, bytes[prefilledStart]);
        Assert.Equal(0, bytes[prefilledStart + 1]);
        Assert.Equal(1, bytes[prefilledStart + 2 + block.Transactions[0].GetSerializedSize()]);
        Assert.Equal([0, 2], back.Prefilled.Select(p => p.Index));
        Assert.Equal([5UL, 6UL], back.ShortIds);
    }

    [Fact]
    public void BlockTransactionsRequestUsesCoresDifferentialEncoding()
    {
        // Core's TransactionsRequestSerializationTest: indexes 0, 1, 3, 4 go out as 0, 0, 1, 0.
        var request = new BlockTransactionsRequest { BlockHash = new uint256(7) };
        request.Indexes.AddRange([0, 1, 3, 4]);

        var bytes = Payloads.Serializer.Serialize(request);
        var back = Payloads.Serializer.Deserialize<BlockTransactionsRequest>(bytes);

        Assert.Equal([4, 0, 0, 1, 0], bytes.Skip(32));
        Assert.Equal(new uint256(7), back.BlockHash);
        Assert.Equal([0, 1, 3, 4], back.Indexes);
    }

    [Fact]
    public void BlockTransactionsRequestPast16BitsIsMalformed()
    {
        var writer = new PayloadWriter().WriteBytes(new byte[32]).WriteCompactSize(2).WriteCompactSize(0xffff).WriteCompactSize(0);
        var oneDiffTooLarge = new PayloadWriter().WriteBytes(new byte[32]).WriteCompactSize(1).WriteCompactSize(0x10000);

        Assert.Throws<MalformedPayloadException>(() => Payloads.Serializer.Deserialize<BlockTransactionsRequest>(writer.ToArray()));
        Assert.Throws<MalformedPayloadException>(() => Payloads.Serializer.Deserialize<BlockTransactionsRequest>(oneDiffTooLarge.ToArray()));
    }

    [Fact]
    public void NonCanonicalCountIsMalformed()
    {
        var bytes = new PayloadWriter().WriteBytes(new byte[32]).WriteByte(0xfd).WriteByte(1).WriteByte(0).WriteCompactSize(0).ToArray();

        Assert.Throws<MalformedPayloadException>(() => Payloads.Serializer.Deserialize<BlockTransactionsRequest>(bytes));
    }

    [Fact]
    public void BlockTransactionsReadBackWithWitnesses()
    {
        var transactions = CompactFixtures.WitnessTransactions(2);
        var message = new BlockTransactions { BlockHash = new uint256(9) };
        message.Transactions.AddRange(transactions);

        var back = Payloads.Serializer.Deserialize<BlockTransactions>(Payloads.Serializer.Serialize(message));
        var stripped = Payloads.Serializer.Deserialize<BlockTransactions>(Payloads.Serializer.Serialize(message, TransactionOptions.None));

        Assert.Equal(transactions.Select(t => t.GetWitHash()), back.Transactions.Select(t => t.GetWitHash()));
        Assert.All(stripped.Transactions, t => Assert.False(t.HasWitness));
        Assert.Equal(transactions.Select(t => t.GetHash()), stripped.Transactions.Select(t => t.GetHash()));
    }
}
