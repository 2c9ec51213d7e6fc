using Faithcoin.Consensus.Chain;
using NBitcoin;

namespace Faithcoin.P2P.Tests.Infrastructure;

/// <summary>
/// Real regtest blocks: one coinbase each, merkle root committed, nonce ground until the scrypt hash meets
/// 0x207fffff (about two tries). <see cref="Chain300"/> ends ten minutes ago, so a node syncing it sees its best
/// header "close to today" once the headers arrive, as a node syncing a live chain does; built once, read-only.
/// </summary>
public static class RegtestBlocks
{
    public const int Spacing = 150;

    private static readonly Lazy<IReadOnlyList<Block>> Shared = new(() =>
        Build(ChainParams.Regtest.CreateGenesisBlock(), 300, DateTimeOffset.UtcNow.AddSeconds(-(300 * Spacing) - 600)));

    /// <summary>Genesis followed by 300 mined blocks.</summary>
    public static IReadOnlyList<Block> Chain300 => Shared.Value;

    /// <summary><paramref name="count"/> blocks on top of <paramref name="previous"/>, the first at <paramref name="firstTime"/>.</summary>
    public static List<Block> Build(Block previous, int count, DateTimeOffset firstTime, int firstHeight = 1, byte tag = 0)
    {
        var result = new List<Block>(count + 1);
        if (firstHeight == 1)
        {
            result.Add(previous);
        }

        for (var i = 0; i < count; i++)
        {
            previous = Mine(previous, firstTime.AddSeconds(i * Spacing), firstHeight + i, tag);
            result.Add(previous);
        }

        return result;
    }

    public static Block Mine(Block previous, DateTimeOffset time, int height, byte tag = 0)
    {
        var factory = ChainParams.Regtest.Network.Consensus.ConsensusFactory;
        var coinbase = factory.CreateTransaction();
        coinbase.Inputs.Add(new TxIn(new OutPoint(), new Script(Op.GetPushOp(height), Op.GetPushOp(tag))));
        coinbase.Outputs.Add(Money.Coins(50), new Script(OpcodeType.OP_TRUE));
        var block = factory.CreateBlock();
        block.Header.Version = 0x20000000;
        block.Header.HashPrevBlock = previous.GetHash();
        block.Header.BlockTime = time;
        block.Header.Bits = new Target(0x207fffff);
        block.Transactions.Add(coinbase);
        block.UpdateMerkleRoot();
        while (!block.Header.CheckProofOfWork())
        {
            block.Header.Nonce++;
        }

        return block;
    }

    /// <summary>The same header (so the same block id) with a different coinbase: the merkle root no longer matches.</summary>
    public static Block WithWrongTransactions(Block block)
    {
        var factory = ChainParams.Regtest.Network.Consensus.ConsensusFactory;
        var copy = Block.Load(block.ToBytes(), factory);
        copy.Transactions[0].Outputs[0].Value = Money.Coins(49);
        return copy;
    }
}
