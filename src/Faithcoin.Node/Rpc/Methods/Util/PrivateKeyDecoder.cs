using Faithcoin.Consensus.Chain;
using NBitcoin;
using NBitcoin.DataEncoders;

namespace Faithcoin.Node.Rpc.Methods.Util;

/// <summary>
/// CBitcoinSecret: base58check with this network's secret-key prefix, 32 bytes, or 33 ending in 0x01 for a key whose
/// public key is compressed. Errors as 0.15's signing methods give them (-5).
/// </summary>
public sealed class PrivateKeyDecoder
{
    private readonly byte[] prefix;

    public PrivateKeyDecoder(ChainParams chainParams)
    {
        ArgumentNullException.ThrowIfNull(chainParams);
        prefix = chainParams.Network.GetVersionBytes(Base58Type.SECRET_KEY, true)!;
    }

    public Key Decode(string wif)
    {
        ArgumentNullException.ThrowIfNull(wif);
        byte[] data;
        try
        {
            data = Encoders.Base58Check.DecodeData(wif);
        }
        catch (FormatException)
        {
            throw InvalidKey();
        }

        var payload = data.AsSpan(Math.Min(prefix.Length, data.Length));
        var wellFormed = payload.Length == 32 || (payload.Length == 33 && payload[32] == 1);
        if (!wellFormed || !data.AsSpan().StartsWith(prefix))
        {
            throw InvalidKey();
        }

        try
        {
            return new Key(payload[..32].ToArray(), -1, fCompressedIn: payload.Length == 33);
        }
        catch (ArgumentException)
        {
            throw new RpcException(RpcErrorCode.InvalidAddressOrKey, "Private key outside allowed range");
        }
    }

    private static RpcException InvalidKey() => new(RpcErrorCode.InvalidAddressOrKey, "Invalid private key");
}
