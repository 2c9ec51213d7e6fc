using System.Security.Cryptography;
using Faithcoin.Consensus.Chain;
using Faithcoin.Consensus.Coins;
using Faithcoin.Consensus.Rules.Blocks;
using Faithcoin.Consensus.Validation;
using NBitcoin;
using Xunit;

namespace Faithcoin.Consensus.Tests.Rules.Blocks;

/// <summary>
/// A small regtest chain in memory for rule tests: builds blocks on the tip, connects them against an in-memory
/// coins view and keeps what passed. Every deployment is active unless a test says otherwise.
/// </summary>
internal sealed class TestChain
{
    public const ScriptVerify AllFlags =
        ScriptVerify.P2SH | ScriptVerify.DerSig | ScriptVerify.CheckLockTimeVerify |
        ScriptVerify.CheckSequenceVerify | ScriptVerify.Witness | ScriptVerify.NullDummy;

    public TestChain()
    {
        Consensus = ChainParams.Regtest.Consensus;
        Connector = new BlockConnector(Consensus, new BlockCheck());
        var genesis = ChainParams.Regtest.CreateGenesisBlock();
        Tip = new ChainedHeader(genesis.Header, genesis.GetHash(), null);
        var cache = new CoinsViewCache(Coins);
        Assert.Null(Connector.ConnectBlock(genesis, Context(null), cache).VerifySequentially());
        cache.Flush();
    }

    public ConsensusParams Consensus { get; }

    public BlockConnector Connector { get; }

    public MemoryCoinsView Coins { get; } = new();

    public ChainedHeader Tip { get; private set; }

    public Key MinerKey { get; } = new Key(Enumerable.Repeat((byte)7, 32).ToArray());

    public Script MinerScript => MinerKey.PubKey.ScriptPubKey;

    public List<Block> Blocks { get; } = [];

    public BlockRuleContext Context(ChainedHeader? previous, ScriptVerify flags = AllFlags, bool csv = true, bool segwit = true, bool bip34 = false) =>
        new(previous, flags, csv, segwit, bip34);

    /// <summary>A block on the tip paying the subsidy (plus <paramref name="fees"/>) to the miner key.</summary>
    public Block NewBlock(IEnumerable<Transaction>? transactions = null, long fees = 0, uint? time = null)
    {
        var height = Tip.Height + 1;
        var block = FaithcoinConsensusFactory.Instance.CreateBlock();
        block.Header.Version = 0x20000000;
        block.Header.HashPrevBlock = Tip.HashBlock;
        block.Header.BlockTime = DateTimeOffset.FromUnixTimeSeconds(time ?? Tip.Time + 150);
        block.Header.Bits = new Target(0x207fffff);
        block.Transactions.Add(Coinbase(height, BlockSubsidy.At(height, Consensus.SubsidyHalvingInterval) + fees));
        block.Transactions.AddRange(transactions ?? []);
        Seal(block);
        return block;
    }

    public Transaction Coinbase(int height, long value)
    {
        var coinbase = FaithcoinConsensusFactory.Instance.CreateTransaction();
        var scriptSig = CoinbaseHeightRule.ExpectedPrefix(height).Concat(new byte[] { 0x01, 0x2a }).ToArray();
        coinbase.Inputs.Add(new TxIn(new OutPoint(), Script.FromBytesUnsafe(scriptSig)));
        coinbase.Outputs.Add(new TxOut(Money.Satoshis(value), MinerScript));
        return coinbase;
    }

    /// <summary>Adds a witness commitment when any transaction has a witness, then fixes the merkle root.</summary>
    public static void Seal(Block block)
    {
        if (block.Transactions.Skip(1).Any(t => t.HasWitness))
        {
            var coinbase = block.Transactions[0];
            coinbase.Inputs[0].WitScript = new WitScript([new byte[32]], true);
            var root = MerkleRoots.WitnessRoot(block, out _);
            var data = new byte[64];
            root.ToBytes(data.AsSpan(0, 32), true);
            var commitment = SHA256.HashData(SHA256.HashData(data));
            var script = new byte[] { 0x6a, 0x24, 0xaa, 0x21, 0xa9, 0xed }.Concat(commitment).ToArray();
            coinbase.Outputs.Add(new TxOut(Money.Zero, Script.FromBytesUnsafe(script)));
        }

        block.UpdateMerkleRoot();
    }

    /// <summary>Connects the block on the tip; keeps it only when it (scripts included) is valid.</summary>
    public ValidationError? Connect(Block block, ScriptVerify flags = AllFlags, bool csv = true)
    {
        var cache = new CoinsViewCache(Coins);
        var result = Connector.ConnectBlock(block, Context(Tip, flags, csv), cache);
        var error = result.VerifySequentially();
        if (error is null)
        {
            cache.Flush();
            Tip = new ChainedHeader(block.Header, block.GetHash(), Tip);
            Blocks.Add(block);
        }

        return error;
    }

    /// <summary>Mines empty blocks, e.g. to mature coinbases; returns the first one's coinbase.</summary>
    public Transaction MineEmpty(int count)
    {
        Transaction? first = null;
        for (var i = 0; i < count; i++)
        {
            var block = NewBlock();
            Assert.Null(Connect(block));
            first ??= block.Transactions[0];
        }

        return first!;
    }

    /// <summary>A signed transaction spending a P2PK output of the miner key.</summary>
    public Transaction Spend(Transaction source, int outputIndex, long value, Script? destination = null, Action<Transaction>? tweak = null)
    {
        var tx = FaithcoinConsensusFactory.Instance.CreateTransaction();
        tx.Version = 2;
        tx.Inputs.Add(new TxIn(new OutPoint(source.GetHash(), outputIndex)));
        tx.Outputs.Add(new TxOut(Money.Satoshis(value), destination ?? MinerScript));
        tweak?.Invoke(tx);
        SignP2pk(tx, 0, source.Outputs[outputIndex]);
        return tx;
    }

    public void SignP2pk(Transaction tx, int index, TxOut spent)
    {
        var hash = tx.GetSignatureHash(spent.ScriptPubKey, index, SigHash.All, spent, HashVersion.Original);
        var signature = new TransactionSignature(MinerKey.Sign(hash), SigHash.All);
        tx.Inputs[index].ScriptSig = new Script(Op.GetPushOp(signature.ToBytes()));
    }
}
