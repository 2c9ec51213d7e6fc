using System.Net;
using Faithcoin.Consensus.Chain;
using Faithcoin.P2P.Peers;
using Microsoft.Extensions.Logging.Abstractions;
using NBitcoin.Protocol;
using AddressManager = Faithcoin.P2P.Peers.AddressManager;

namespace Faithcoin.P2P.Tests.Addresses;

public sealed class PeersFileTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("peersdat-").FullName;
    private readonly ManualClock clock = new(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));

    private string PeersPath => Path.Combine(folder, "peers.dat");

    [Fact]
    public void RoundTripKeepsKeyTablesAndHistory()
    {
        var original = Filled();
        NewFile().Save(original);

        var loaded = new AddressManager(clock);
        Assert.True(NewFile().TryLoad(loaded));

        Assert.Equal(original.Buckets.Key.ToArray(), loaded.Buckets.Key.ToArray());
        Assert.Equal(original.Count, loaded.Count);
        Assert.Equal(original.NewCount, loaded.NewCount);
        Assert.Equal(original.TriedCount, loaded.TriedCount);
        var good = loaded.Get(new IPEndPoint(IPAddress.Parse("93.184.1.1"), 9333))!;
        Assert.True(good.InTried);
        Assert.Equal(clock.GetUtcNow().ToUnixTimeSeconds(), good.LastSuccess);
        var failed = loaded.Get(new IPEndPoint(IPAddress.Parse("93.185.1.1"), 9333))!;
        Assert.Equal(1, failed.Attempts);
        Assert.Equal(IPAddress.Parse("8.8.8.8").MapToIPv6(), failed.Source);

        // Written again, the bytes are the same: nothing was lost or moved.
        var again = Path.Combine(folder, "again.dat");
        new PeersFile(again, ChainParams.Regtest.MessageStart.ToArray(), NullLogger.Instance).Save(loaded);
        Assert.Equal(File.ReadAllBytes(PeersPath), File.ReadAllBytes(again));
    }

    [Fact]
    public void LayoutIsTheOriginals()
    {
        var manager = new AddressManager(clock, new Random(1), key: Enumerable.Range(0, 32).Select(i => (byte)i).ToArray());
        manager.Add([new NetworkAddress(IPAddress.Parse("93.184.1.1"), 9333) { Time = clock.GetUtcNow(), Services = NodeServices.Network }], IPAddress.Parse("8.8.8.8"));
        NewFile().Save(manager);

        var bytes = File.ReadAllBytes(PeersPath);
        Assert.Equal(ChainParams.Regtest.MessageStart.ToArray(), bytes[..4]);
        Assert.Equal(1, bytes[4]); // version
        Assert.Equal(32, bytes[5]); // key size
        Assert.Equal(Enumerable.Range(0, 32).Select(i => (byte)i).ToArray(), bytes[6..38]);
        Assert.Equal(1, BitConverter.ToInt32(bytes, 38)); // new
        Assert.Equal(0, BitConverter.ToInt32(bytes, 42)); // tried
        Assert.Equal(1024 ^ (1 << 30), BitConverter.ToInt32(bytes, 46));

        // header 4 + 46, one entry of 62 bytes, 1024 bucket sizes plus one index, the checksum.
        Assert.Equal(4 + 46 + 62 + (1024 * 4) + 4 + 32, bytes.Length);
    }

    [Theory]
    [InlineData("flip")]
    [InlineData("truncate")]
    [InlineData("magic")]
    [InlineData("garbage")]
    public void ACorruptFileIsIgnoredAndTheManagerStartsEmpty(string damage)
    {
        NewFile().Save(Filled());
        var bytes = File.ReadAllBytes(PeersPath);
        switch (damage)
        {
            case "flip":
                bytes[100] ^= 0x40;
                break;
            case "truncate":
                bytes = bytes[..(bytes.Length / 2)];
                break;
            case "magic":
                bytes = Rechecksummed([0xAA, 0xBB, 0xCC, 0xDD, .. bytes[4..^32]]);
                break;
            default:
                bytes = Rechecksummed([.. bytes[..4], 1, 32, 7, 7]);
                break;
        }

        File.WriteAllBytes(PeersPath, bytes);
        var loaded = Filled();

        Assert.False(NewFile().TryLoad(loaded));
        Assert.Equal(0, loaded.Count);
        Assert.Null(loaded.Select());
    }

    [Fact]
    public async Task TheNodeLoadsAtStartAndSavesAtShutdown()
    {
        NewFile().Save(Filled());
        var options = Infrastructure.TestNode.DefaultOptions() with { PeersPath = PeersPath };

        var node = Infrastructure.TestNode.Start(options);
        Assert.Equal(Filled().Count, node.Node.Addresses.Count);
        node.Node.Addresses.Add([new NetworkAddress(IPAddress.Parse("44.44.44.44"), 9333) { Time = DateTimeOffset.UtcNow, Services = NodeServices.Network }], IPAddress.Parse("9.9.9.9"));
        await node.DisposeAsync();

        var reloaded = new AddressManager();
        Assert.True(NewFile().TryLoad(reloaded));
        Assert.NotNull(reloaded.Get(new IPEndPoint(IPAddress.Parse("44.44.44.44"), 9333)));
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static byte[] Rechecksummed(byte[] body)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Security.Cryptography.SHA256.HashData(body));
        return [.. body, .. hash];
    }

    private PeersFile NewFile() => new(PeersPath, ChainParams.Regtest.MessageStart.ToArray(), NullLogger.Instance);

    private AddressManager Filled()
    {
        var manager = new AddressManager(clock, new Random(5), key: Enumerable.Repeat((byte)9, 32).ToArray());
        var addresses = Enumerable.Range(0, 300)
            .Select(i => new NetworkAddress(IPAddress.Parse($"93.{184 + (i % 50)}.{i / 50}.1"), 9333) { Time = clock.GetUtcNow(), Services = NodeServices.Network })
            .ToList();
        manager.Add(addresses, IPAddress.Parse("8.8.8.8"));
        manager.Add(addresses, IPAddress.Parse("9.9.9.9"));
        manager.Good(new IPEndPoint(IPAddress.Parse("93.184.1.1"), 9333));
        manager.Attempt(new IPEndPoint(IPAddress.Parse("93.185.1.1"), 9333), countFailure: true);
        return manager;
    }
}
