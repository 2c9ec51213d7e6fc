using Faithcoin.Consensus.Chain;
using Faithcoin.Node.Configuration;
using Faithcoin.Node.Rpc.Formatting;
using NBitcoin;

namespace Faithcoin.Node.Tests.Rpc;

/// <summary>-rpcserialversion: witness data in raw hex unless 0, and 0.15's errors for other values.</summary>
public sealed class RpcSerializationTests
{
    [Fact]
    public void VersionZeroDropsTheWitnessAndOneKeepsIt()
    {
        var tx = FaithcoinConsensusFactory.Instance.CreateTransaction();
        tx.Inputs.Add(new TxIn(new OutPoint(uint256.One, 0)) { WitScript = new WitScript(new[] { new byte[] { 7, 7 } }) });
        tx.Outputs.Add(new TxOut(Money.Satoshis(1000), new Script(OpcodeType.OP_TRUE)));

        Assert.Equal(tx.ToHex(), RpcSerialization.FromArgs(new ArgsStore()).TransactionHex(tx));
        var legacy = RpcSerialization.FromArgs(Args("0")).TransactionHex(tx);
        Assert.Equal(tx.GetSerializedSize(TransactionOptions.None) * 2, legacy.Length);
        Assert.Equal(tx.GetHash(), Transaction.Parse(legacy, ChainParams.Regtest.Network).GetHash());
        Assert.NotEqual(tx.ToHex(), legacy);
    }

    [Theory]
    [InlineData("-1", "rpcserialversion must be non-negative.")]
    [InlineData("2", "unknown rpcserialversion requested.")]
    public void OtherValuesStopTheStart(string value, string message) =>
        Assert.Equal(message, Assert.Throws<ConfigurationException>(() => RpcSerialization.FromArgs(Args(value))).Message);

    private static ArgsStore Args(string value)
    {
        var args = new ArgsStore();
        args.AddFromCommandLine("rpcserialversion", value);
        return args;
    }
}
