using Faithcoin.Consensus.Chain;
using Faithcoin.P2P.Tests.Infrastructure;
using Faithcoin.P2P.Wire.Payloads;
using NBitcoin;

namespace Faithcoin.P2P.Tests.Wire;

/// <summary>Only a payload that equals the parsed block's own serialization may be stored as it came.</summary>
public sealed class CanonicalBlockEncodingTests
{
    private static readonly ConsensusFactory Factory = ChainParams.Regtest.Network.Consensus.ConsensusFactory;

    [Fact]
    public void BlockWithWitnessAndLegacyTransactionsIsCanonical()
    {
        var bytes = BlockWithSpend(witness: true).ToBytes();

        Assert.True(CanonicalBlockEncoding.IsCanonical(bytes));
        Assert.Equal(bytes, Block.Load(bytes, Factory).ToBytes());
    }

    [Fact]
    public void BlockWithoutWitnessDataIsCanonical() =>
        Assert.True(CanonicalBlockEncoding.IsCanonical(BlockWithSpend(witness: false).ToBytes()));

    [Fact]
    public void BytesAfterTheBlockAreNot()
    {
        var bytes = BlockWithSpend(witness: true).ToBytes();

        Assert.False(CanonicalBlockEncoding.IsCanonical([.. bytes, 0]));
    }

    [Fact]
    public void TruncatedBlockIsNot()
    {
        var bytes = BlockWithSpend(witness: true).ToBytes();

        Assert.False(CanonicalBlockEncoding.IsCanonical(bytes.AsSpan(0, bytes.Length - 1)));
    }

    [Fact]
    public void LongFormTransactionCountIsNot()
    {
        var bytes = BlockWithSpend(witness: false).ToBytes();
        Assert.Equal(2, bytes[80]);

        // 0xfd 0x0002: the count 2 in three bytes, which 0.15's ReadCompactSize refuses.
        byte[] longForm = [.. bytes.AsSpan(0, 80), 0xfd, 2, 0, .. bytes.AsSpan(81)];

        Assert.False(CanonicalBlockEncoding.IsCanonical(longForm));
    }

    [Fact]
    public void MarkerWithUnknownFlagIsNot()
    {
        var block = BlockWithSpend(witness: true);
        var bytes = block.ToBytes();
        var flag = FlagOffset(block);
        Assert.Equal(1, bytes[flag]);

        bytes[flag] = 2;

        Assert.False(CanonicalBlockEncoding.IsCanonical(bytes));
    }

    [Fact]
    public void MarkerWithOnlyEmptyWitnessesIsNot()
    {
        var block = BlockWithSpend(witness: false);
        var plain = block.ToBytes();
        var spend = block.Transactions[1].ToBytes();
        var spendStart = plain.Length - spend.Length;

        // The same transaction with marker, flag and one empty witness stack (0.15: "Superfluous witness record").
        byte[] marked = [.. plain.AsSpan(0, spendStart + 4), 0, 1, .. spend.AsSpan(4, spend.Length - 8), 0, .. spend.AsSpan(spend.Length - 4)];

        Assert.False(CanonicalBlockEncoding.IsCanonical(marked));
    }

    private static Block BlockWithSpend(bool witness)
    {
        var block = RegtestBlocks.Mine(RegtestBlocks.Chain300[^1], DateTimeOffset.UtcNow, 301);
        var spend = Factory.CreateTransaction();
        spend.Inputs.Add(new TxIn(new OutPoint(block.Transactions[0], 0), Script.Empty));
        spend.Outputs.Add(Money.Coins(1), new Script(OpcodeType.OP_TRUE));
        if (witness)
        {
            spend.Inputs[0].WitScript = new WitScript(Op.GetPushOp([1, 2, 3]));
        }

        block.Transactions.Add(spend);
        block.UpdateMerkleRoot();
        return block;
    }

    // Header, one-byte count, the coinbase, then the spend's version: its marker follows.
    private static int FlagOffset(Block block) => 80 + 1 + block.Transactions[0].ToBytes().Length + 4 + 1;
}
