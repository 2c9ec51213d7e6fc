using System.Text.Json;
using Faithcoin.Consensus.Chain;
using NBitcoin;

namespace Faithcoin.Node.Tests.EndToEnd;

/// <summary>
/// Two real faithcoind on regtest: a block whose transaction both pools hold travels as a compact block, sent by
/// the miner from NewPoWValidBlock before it connects the block.
/// </summary>
[Collection(DaemonCollection.Name)]
public sealed class CompactBlockEndToEndTests
{
    private static readonly Network Regtest = ChainParams.Regtest.Network;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly Key key = new(Enumerable.Repeat((byte)0x43, 32).ToArray());

    private BitcoinAddress Address => key.PubKey.GetAddress(ScriptPubKeyType.Legacy, Regtest);

    [Fact]
    public async Task MinedBlockWithAPooledTransactionReachesThePeerAsCmpctBlock()
    {
        // B whitelisted on A: A announces the transaction at its next pass, not after an inbound Poisson trickle.
        await using var a = await P2PNodeHandle.StartAsync("-debug=net", "-whitelist=127.0.0.1");
        var blocks = (await a.ResultAsync("generatetoaddress", $"101, \"{Address}\"")).EnumerateArray().Select(h => h.GetString()!).ToList();
        await using var b = await P2PNodeHandle.StartAsync($"-connect={a.Address}", "-debug=net");
        await b.WaitForTipAsync(blocks[^1], Timeout);

        var tx = await SpendCoinbaseAsync(a, blocks[0]);
        await a.ResultAsync("sendrawtransaction", $"\"{tx.ToHex()}\"");
        var txid = tx.GetHash().ToString();
        await b.WaitForAsync(
            async () => (await b.ResultAsync("getrawmempool")).EnumerateArray().Any(t => t.GetString() == txid), Timeout, "the transaction relayed to B");
        var fullBlocksBefore = PerMessage(await SinglePeerAsync(b), "bytesrecv_per_msg", "block");

        var mined = (await a.ResultAsync("generatetoaddress", $"1, \"{Address}\""))[0].GetString()!;
        await b.WaitForTipAsync(mined, Timeout);

        // A sent it from NewPoWValidBlock, before connecting it, and not again when it became the tip.
        var log = await File.ReadAllTextAsync(a.DebugLogPath);
        Assert.Contains($"PeerLogicValidation::NewPoWValidBlock sending header-and-ids {mined} to peer=", log, StringComparison.Ordinal);
        Assert.DoesNotContain($"SendMessages sending header-and-ids {mined}", log, StringComparison.Ordinal);

        var toA = await SinglePeerAsync(b);
        Assert.Equal(txid, (await b.ResultAsync("getblock", $"\"{mined}\"")).GetProperty("tx")[1].GetString());
        Assert.True(PerMessage(toA, "bytesrecv_per_msg", "cmpctblock") > 24 + 80 + 8);
        Assert.Equal(fullBlocksBefore, PerMessage(toA, "bytesrecv_per_msg", "block"));
        Assert.Equal(0, PerMessage(toA, "bytessent_per_msg", "getblocktxn"));
        Assert.Equal(0, (await b.ResultAsync("getmempoolinfo")).GetProperty("size").GetInt32());
        var fromB = await SinglePeerAsync(a);
        Assert.True(PerMessage(fromB, "bytessent_per_msg", "cmpctblock") > 0);
        Assert.True(PerMessage(fromB, "bytesrecv_per_msg", "sendcmpct") > 0);
        Assert.True(PerMessage(fromB, "bytesrecv_per_msg", "verack") == 24);
    }

    private static async Task<JsonElement> SinglePeerAsync(P2PNodeHandle node) =>
        Assert.Single((await node.ResultAsync("getpeerinfo")).EnumerateArray());

    private static long PerMessage(JsonElement peer, string map, string command) =>
        peer.GetProperty(map).TryGetProperty(command, out var bytes) ? bytes.GetInt64() : 0;

    private async Task<Transaction> SpendCoinbaseAsync(P2PNodeHandle node, string blockHash)
    {
        var block = await node.ResultAsync("getblock", $"\"{blockHash}\"");
        var outpoint = new OutPoint(uint256.Parse(block.GetProperty("tx")[0].GetString()!), 0);
        var tx = FaithcoinConsensusFactory.Instance.CreateTransaction();
        tx.Inputs.Add(new TxIn(outpoint));
        tx.Outputs.Add(new TxOut(Money.Satoshis((50 * 100_000_000L) - 100_000), Address));
        tx.Sign(key.GetBitcoinSecret(Regtest), new NBitcoin.Coin(outpoint, new TxOut(Money.Coins(50), Address)));
        return tx;
    }
}
