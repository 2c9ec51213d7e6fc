using Faithcoin.Consensus.Chain;
using Faithcoin.Consensus.Coins;
using Faithcoin.Consensus.Validation;
using NBitcoin;

namespace Faithcoin.Consensus.Rules.Blocks;

/// <summary>
/// bad-txns-BIP30: a block may not create an output that already exists unspent. Enforced as 0.15 does: always,
/// except on the two historical exempt blocks, and skipped once the chain's block at BIP34Height is the known
/// BIP34 block (after which duplicate transaction ids cannot be created).
/// </summary>
public sealed class Bip30Rule
{
    // Bitcoin's two duplicate-coinbase blocks, kept verbatim by Litecoin 0.15; they can never match here.
    private static readonly (int Height, uint256 Hash)[] Exempt =
    [
        (91842, uint256.Parse("00000000000a4d0a398161ffc163c503763b1f4360639393e0e4c8e300e0caec")),
        (91880, uint256.Parse("00000000000743f190a18c5577a3c2d2a1f610ae9601ac046a38084ccb7cd721")),
    ];

    private readonly ConsensusParams consensus;

    public Bip30Rule(ConsensusParams consensus)
    {
        ArgumentNullException.ThrowIfNull(consensus);
        this.consensus = consensus;
    }

    public bool Applies(uint256 blockHash, ChainedHeader previous)
    {
        ArgumentNullException.ThrowIfNull(previous);
        var height = previous.Height + 1;
        if (Exempt.Any(e => e.Height == height && e.Hash == blockHash))
        {
            return false;
        }

        var bip34Block = previous.GetAncestor(consensus.Bip34Height);
        return bip34Block is null || bip34Block.HashBlock != consensus.Bip34Hash;
    }

    public static ValidationError? Check(IReadOnlyList<Transaction> transactions, IReadOnlyList<uint256> txids, ICoinsView view)
    {
        for (var t = 0; t < transactions.Count; t++)
        {
            for (var o = 0; o < transactions[t].Outputs.Count; o++)
            {
                if (view.HaveCoin(new OutPoint(txids[t], o)))
                {
                    return new ValidationError("bad-txns-BIP30", 100, Debug: "ConnectBlock(): tried to overwrite transaction");
                }
            }
        }

        return null;
    }
}
