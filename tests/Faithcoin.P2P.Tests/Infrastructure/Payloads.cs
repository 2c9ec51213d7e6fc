using Faithcoin.Consensus.Chain;
using Faithcoin.P2P.Wire.Payloads;
using NBitcoin;
using NBitcoin.Protocol;

namespace Faithcoin.P2P.Tests.Infrastructure;

/// <summary>Payloads the tests send, serialized the faithcoin way.</summary>
public static class Payloads
{
    public static PayloadSerializer Serializer { get; } = new(ChainParams.Regtest.Network.Consensus.ConsensusFactory);

    public static byte[] GetHeaders(IEnumerable<uint256> locator, uint256? hashStop = null) =>
        Serializer.Serialize(new GetHeadersPayload(new BlockLocator { Blocks = locator.ToList() }) { HashStop = hashStop ?? uint256.Zero, Version = 70015 });

    public static byte[] GetBlocks(IEnumerable<uint256> locator, uint256? hashStop = null) =>
        Serializer.Serialize(new GetBlocksPayload(new BlockLocator { Blocks = locator.ToList() }) { HashStop = hashStop ?? uint256.Zero });

    public static byte[] GetData(InventoryType type, params uint256[] hashes) =>
        Serializer.Serialize(new GetDataPayload(hashes.Select(h => new InventoryVector(type, h)).ToArray()));

    public static List<InventoryVector> ReadInventory(byte[] payload) => Serializer.Deserialize<InvPayload>(payload).Inventory.ToList();

    public static Block ReadBlock(byte[] payload) => Serializer.DeserializeBlock(payload);

    public static byte[] Block(Block block) => block.ToBytes();

    public static byte[] Headers(IEnumerable<BlockHeader> headers) => Serializer.Serialize(new HeadersPayload(headers.ToArray()));

    public static List<BlockHeader> ReadHeaders(byte[] payload) => Serializer.Deserialize<HeadersPayload>(payload).Headers;

    public static byte[] Ping(ulong nonce) => BitConverter.GetBytes(nonce);

    /// <summary>feefilter: the fee rate in satoshis per kB, little-endian.</summary>
    public static byte[] FeeFilter(long feePerKilobyte) => new PayloadWriter().WriteInt64(feePerKilobyte).ToArray();

    public static byte[] Inv(InventoryType type, params uint256[] hashes) =>
        Serializer.Serialize(new InvPayload(hashes.Select(h => new InventoryVector(type, h)).ToArray()));

    /// <summary>The txids of a message if it is an inv of transactions, else none.</summary>
    public static List<uint256> TransactionIds(RawMessage message) =>
        message.Command == Faithcoin.P2P.Wire.NetCommands.Inv
            ? ReadInventory(message.Payload).Where(i => i.Type == InventoryType.MSG_TX).Select(i => i.Hash).ToList()
            : [];

    /// <summary>An inv-shaped list (inv, getdata) with <paramref name="count"/> entries, written by hand so counts over MAX_INV_SZ are possible.</summary>
    public static byte[] InventoryList(int count, InventoryType type = InventoryType.MSG_TX)
    {
        var writer = new PayloadWriter().WriteCompactSize((ulong)count);
        for (var i = 0; i < count; i++)
        {
            writer.WriteUInt32((uint)type).WriteBytes(new uint256((ulong)i + 1).ToBytes());
        }

        return writer.ToArray();
    }

    public static byte[] Addr(int count)
    {
        var writer = new PayloadWriter().WriteCompactSize((ulong)count);
        for (var i = 0; i < count; i++)
        {
            writer.WriteUInt32((uint)DateTimeOffset.UtcNow.ToUnixTimeSeconds())
                .WriteUInt64(1)
                .WriteBytes(System.Net.IPAddress.Parse($"8.8.{i / 256 % 256}.{i % 256}").MapToIPv6().GetAddressBytes())
                .WriteUInt16BigEndian(19444);
        }

        return writer.ToArray();
    }
}
