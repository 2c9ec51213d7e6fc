using Faithcoin.Consensus.Chain;
using NBitcoin;

namespace Faithcoin.Node.Rpc.Methods.Util;

/// <summary>
/// 0.15's CBitcoinAddress: a base58 P2PKH or P2SH address of this network (P2SH with the script2 prefix or the
/// legacy one). 0.15 knows no bech32, so anything else is invalid.
/// </summary>
public sealed class AddressDecoder
{
    private readonly Network network;

    public AddressDecoder(ChainParams chainParams)
    {
        ArgumentNullException.ThrowIfNull(chainParams);
        network = chainParams.Network;
    }

    public Network Network => network;

    /// <summary>The address, or null when 0.15 would find it invalid.</summary>
    public BitcoinAddress? TryDecode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            var address = BitcoinAddress.Create(text, network);
            return address is BitcoinPubKeyAddress or BitcoinScriptAddress ? address : null;
        }
        catch (Exception e) when (e is FormatException or ArgumentException or NotSupportedException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>The address as 0.15 prints it: P2SH always with the script2 prefix.</summary>
    public string Encode(BitcoinAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address switch
        {
            BitcoinScriptAddress script => script.Hash.GetAddress(network).ToString(),
            _ => address.ToString(),
        };
    }
}
