using Faithcoin.Node.Mempool;
using NBitcoin;

namespace Faithcoin.Node.Tests.Mempool;

/// <summary>mempool.dat: 0.15's byte layout, a faithful round trip, and damage reported rather than thrown through.</summary>
public sealed class MempoolFileTests : IDisposable
{
    private readonly TempDirectory folder = new();

    [Fact]
    public void Entries_and_deltas_survive_a_round_trip()
    {
        var a = MempoolTestNode.Spend(new OutPoint(RandomUtils.GetUInt256(), 0), 10_000_000);
        var b = MempoolTestNode.Spend(new OutPoint(a.GetHash(), 0), 9_000_000);
        b.Inputs[0].WitScript = new WitScript(new[] { new byte[] { 1, 2, 3 } });
        var other = RandomUtils.GetUInt256();
        var path = folder.Combine(MempoolFile.FileName);

        MempoolFile.Write(path, [new MempoolDumpEntry(a, 1_700_000_000, 0), new MempoolDumpEntry(b, 1_700_000_100, -42)], new Dictionary<uint256, long> { [other] = 5_000 });
        var dump = MempoolFile.Read(path);

        Assert.Equal(2, dump.Entries.Count);
        Assert.Equal(a.ToHex(), dump.Entries[0].Transaction.ToHex());
        Assert.Equal(b.ToHex(), dump.Entries[1].Transaction.ToHex());
        Assert.True(dump.Entries[1].Transaction.HasWitness);
        Assert.Equal(1_700_000_100, dump.Entries[1].Time);
        Assert.Equal(-42, dump.Entries[1].FeeDelta);
        Assert.Equal(5_000, dump.Deltas[other]);
        Assert.False(File.Exists(path + ".new"));
    }

    [Fact]
    public void The_layout_is_the_originals()
    {
        var tx = MempoolTestNode.Spend(new OutPoint(uint256.One, 0), 10_000_000);
        var path = folder.Combine(MempoolFile.FileName);
        MempoolFile.Write(path, [new MempoolDumpEntry(tx, 0x0102030405, 7)], new Dictionary<uint256, long>());

        var bytes = File.ReadAllBytes(path);
        var txBytes = tx.ToBytes();
        Assert.Equal(8 + 8 + txBytes.Length + 8 + 8 + 1, bytes.Length);
        Assert.Equal(1UL, BitConverter.ToUInt64(bytes, 0));
        Assert.Equal(1UL, BitConverter.ToUInt64(bytes, 8));
        Assert.Equal(txBytes, bytes[16..(16 + txBytes.Length)]);
        Assert.Equal(0x0102030405L, BitConverter.ToInt64(bytes, 16 + txBytes.Length));
        Assert.Equal(7L, BitConverter.ToInt64(bytes, 24 + txBytes.Length));
        Assert.Equal(0, bytes[^1]);
    }

    [Fact]
    public void A_truncated_or_foreign_file_is_invalid_data()
    {
        var path = folder.Combine(MempoolFile.FileName);
        var tx = MempoolTestNode.Spend(new OutPoint(uint256.One, 0), 10_000_000);
        MempoolFile.Write(path, [new MempoolDumpEntry(tx, 1, 0)], new Dictionary<uint256, long>());
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length - 5)]);
        Assert.Throws<InvalidDataException>(() => MempoolFile.Read(path));

        bytes[0] = 2;
        File.WriteAllBytes(path, bytes);
        Assert.Contains("version 2", Assert.Throws<InvalidDataException>(() => MempoolFile.Read(path)).Message, StringComparison.Ordinal);
    }

    public void Dispose() => folder.Dispose();
}
