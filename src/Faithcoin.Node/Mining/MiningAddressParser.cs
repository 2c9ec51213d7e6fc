using Faithcoin.Consensus.Chain;
using Faithcoin.Node.Rpc;
using NBitcoin;

namespace Faithcoin.Node.Mining;

/// <summary>
/// generatetoaddress's address (0.15's CBitcoinAddress): a base58 P2PKH or P2SH address of this network, P2SH
/// with either the new (script2) or the old prefix. 0.15 knows no bech32.
/// </summary>
public sealed class MiningAddressParser
{
    private readonly Network network;

    public MiningAddressParser(ChainParams chainParams)
    {
        ArgumentNullException.ThrowIfNull(chainParams);
        network = chainParams.Network;
    }

    /// <exception cref="RpcException">-5 "Error: Invalid address".</exception>
    public Script ParseCoinbaseScript(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        BitcoinAddress parsed;
        try
        {
            parsed = BitcoinAddress.Create(address, network);
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            throw InvalidAddress();
        }

        return parsed is BitcoinPubKeyAddress or BitcoinScriptAddress ? parsed.ScriptPubKey : throw InvalidAddress();
    }

    private static RpcException InvalidAddress() => new(RpcErrorCode.InvalidAddressOrKey, "Error: Invalid address");
}
