using Faithcoin.Consensus.Chain;
using NBitcoin;

namespace Faithcoin.Node.Mining;

/// <summary>
/// A block ready to be mined on <see cref="Previous"/> (Core's CBlockTemplate): the block with a nonce of 0,
/// and per transaction its fee and sigop cost, the coinbase's being minus the total fees and its own cost.
/// </summary>
public sealed class BlockTemplate
{
    public BlockTemplate(
        Block block,
        ChainedHeader previous,
        IReadOnlyList<long> fees,
        IReadOnlyList<long> sigOpsCosts,
        byte[] coinbaseCommitment)
    {
        ArgumentNullException.ThrowIfNull(block);
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(fees);
        ArgumentNullException.ThrowIfNull(sigOpsCosts);
        ArgumentNullException.ThrowIfNull(coinbaseCommitment);
        if (fees.Count != block.Transactions.Count || sigOpsCosts.Count != block.Transactions.Count)
        {
            throw new ArgumentException("One fee and one sigop cost per transaction are needed.");
        }

        Block = block;
        Previous = previous;
        Fees = fees;
        SigOpsCosts = sigOpsCosts;
        CoinbaseCommitment = coinbaseCommitment;
    }

    public Block Block { get; }

    public ChainedHeader Previous { get; }

    public int Height => Previous.Height + 1;

    public IReadOnlyList<long> Fees { get; }

    public IReadOnlyList<long> SigOpsCosts { get; }

    /// <summary>The commitment output's script (getblocktemplate's default_witness_commitment), or empty.</summary>
    public byte[] CoinbaseCommitment { get; }

    public long TotalFees => -Fees[0];

    public long CoinbaseValue => Block.Transactions[0].Outputs[0].Value.Satoshi;
}
