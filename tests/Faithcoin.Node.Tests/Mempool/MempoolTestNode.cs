using Faithcoin.Consensus.Chain;
using Faithcoin.Node.Chain;
using Faithcoin.Node.Mempool;
using Faithcoin.Node.Mempool.Policy;
using Faithcoin.Node.Tests.Chain;
using Microsoft.Extensions.Logging.Abstractions;
using NBitcoin;

namespace Faithcoin.Node.Tests.Mempool;

/// <summary>
/// A regtest chain on real RocksDB with a pool kept in step by <see cref="MempoolChainSync"/>: 110 blocks whose
/// coinbases pay anyone-can-spend outputs, so the first ten are mature and spendable with an empty scriptSig.
/// </summary>
internal sealed class MempoolTestNode : IDisposable
{
    public const long Coin = 100_000_000;
    public const long DefaultFee = 1_000_000;

    private readonly TempDirectory folder = new();
    private readonly ChainNode node;
    private readonly IDisposable subscription;
    private readonly List<Block> blocks;

    public MempoolTestNode(PolicySettings? policy = null, TimeProvider? time = null)
    {
        Time = time ?? TimeProvider.System;
        Policy = policy ?? new PolicySettings { RequireStandard = false };
        node = ChainNode.Open(folder.Path);
        Pool = new TransactionPool(Policy, [], Time);
        Acceptor = new MempoolAcceptor(node.Chain, Pool, Policy, Time);
        Orphans = new OrphanPool(Policy, Time, new Random(1));
        var sync = new MempoolChainSync(node.Chain, Pool, Acceptor, Orphans, NullLogger<MempoolChainSync>.Instance);
        subscription = node.Chain.Events.Subscribe(sync);
        blocks = RegtestBlockBuilder.Extend(node.Chain.Tip, 110);
        node.SubmitAll(blocks);
    }

    public TimeProvider Time { get; }

    public PolicySettings Policy { get; }

    public ChainManager Chain => node.Chain;

    public TransactionPool Pool { get; }

    public MempoolAcceptor Acceptor { get; }

    public OrphanPool Orphans { get; }

    public string Folder => folder.Path;

    /// <summary>The coinbase output of block <paramref name="height"/> (1..110).</summary>
    public OutPoint CoinbaseOutput(int height) => new(blocks[height - 1].Transactions[0].GetHash(), 0);

    /// <summary>Spends the outpoints (each worth <paramref name="valueIn"/> in total) into <paramref name="outputs"/> equal outputs paying <paramref name="fee"/>.</summary>
    public static Transaction Spend(IEnumerable<OutPoint> outpoints, long valueIn, long fee, int outputs = 1, uint sequence = 0xffffffff, int version = 1)
    {
        var tx = FaithcoinConsensusFactory.Instance.CreateTransaction();
        tx.Version = (uint)version;
        foreach (var outpoint in outpoints)
        {
            tx.Inputs.Add(new TxIn(outpoint, Script.Empty) { Sequence = sequence });
        }

        for (var i = 0; i < outputs; i++)
        {
            tx.Outputs.Add(new TxOut(Money.Satoshis((valueIn - fee) / outputs), RegtestBlockBuilder.AnyoneCanSpend));
        }

        return tx;
    }

    public static Transaction Spend(OutPoint outpoint, long valueIn, long fee = DefaultFee, int outputs = 1, uint sequence = 0xffffffff) =>
        Spend([outpoint], valueIn, fee, outputs, sequence);

    public MempoolAcceptResult Accept(Transaction tx) => Acceptor.Accept(tx);

    public void AcceptOrFail(Transaction tx)
    {
        var result = Accept(tx);
        Assert.True(result.Accepted, result.Error?.ToString() ?? (result.MissingInputs ? "missing inputs" : "?"));
    }

    /// <summary>Mines a block on the tip holding <paramref name="transactions"/>.</summary>
    public Block Mine(params Transaction[] transactions)
    {
        var block = RegtestBlockBuilder.Build(Chain.Tip, transactions, tag: blocks.Count);
        var result = node.Submit(block);
        Assert.True(result.Accepted, result.Error?.ToString());
        blocks.Add(block);
        return block;
    }

    public void Dispose()
    {
        subscription.Dispose();
        node.Dispose();
        folder.Dispose();
    }
}
