using Faithcoin.Consensus.Chain;
using NBitcoin;

namespace Faithcoin.Node.Tests.EndToEnd;

/// <summary>
/// One fixed key that end-to-end tests mine to and spend from: the node has no wallet, so the tests sign themselves.
/// </summary>
internal sealed class RegtestWallet
{
    private static readonly Network Regtest = ChainParams.Regtest.Network;

    public Key Key { get; } = new(Enumerable.Repeat((byte)0x42, 32).ToArray());

    public BitcoinAddress Destination => Key.PubKey.GetAddress(ScriptPubKeyType.Legacy, Regtest);

    public string Address => Destination.ToString();

    /// <summary>Spends output <paramref name="index"/> of <paramref name="parent"/> (paying this key) back to the key.</summary>
    public Transaction SpendOutput(Transaction parent, int index, long fee)
    {
        var outpoint = new OutPoint(parent, index);
        var spent = parent.Outputs[index];
        var tx = FaithcoinConsensusFactory.Instance.CreateTransaction();
        tx.Inputs.Add(new TxIn(outpoint));
        tx.Outputs.Add(new TxOut(spent.Value - Money.Satoshis(fee), spent.ScriptPubKey));
        tx.Sign(Key.GetBitcoinSecret(Regtest), new NBitcoin.Coin(outpoint, spent));
        return tx;
    }

    /// <summary>
    /// Spends the 50-coin coinbase of <paramref name="blockHash"/> (mined to this key) into <paramref name="outputs"/>
    /// equal outputs to the key, plus an optional data output.
    /// </summary>
    public async Task<Transaction> SpendCoinbaseAsync(
        DaemonRpc node, string blockHash, long fee, OutPoint? prevout = null, uint sequence = 0xffffffff, Script? data = null, int outputs = 1)
    {
        var block = await node.ResultAsync("getblock", $"\"{blockHash}\"");
        var coinbase = uint256.Parse(block.GetProperty("tx")[0].GetString()!);
        var spent = new TxOut(Money.Coins(50), Destination);
        var outpoint = prevout ?? new OutPoint(coinbase, 0);
        var tx = FaithcoinConsensusFactory.Instance.CreateTransaction();
        tx.Inputs.Add(new TxIn(outpoint) { Sequence = sequence });
        var share = (50 * 100_000_000L - fee) / outputs;
        for (var i = 0; i < outputs; i++)
        {
            tx.Outputs.Add(new TxOut(Money.Satoshis(share), Destination));
        }

        if (data is not null)
        {
            tx.Outputs.Add(new TxOut(Money.Zero, data));
        }

        tx.Sign(Key.GetBitcoinSecret(Regtest), new NBitcoin.Coin(outpoint, spent));
        return tx;
    }
}
