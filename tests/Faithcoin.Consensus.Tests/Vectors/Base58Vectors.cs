using NBitcoin.DataEncoders;
using Xunit;

namespace Faithcoin.Consensus.Tests.Vectors;

/// <summary>
/// base58_encode_decode.json and the key files. The key files use Litecoin's prefixes (not faithcoin's), so
/// they are checked with raw Base58Check and the row's metadata against Litecoin's prefix table.
/// </summary>
public sealed class Base58Vectors
{
    private static readonly Lazy<VectorFile> EncodeDecode = new(() => VectorFile.Load("base58_encode_decode.json"));
    private static readonly Lazy<VectorFile> KeysValid = new(() => VectorFile.Load("base58_keys_valid.json"));
    private static readonly Lazy<VectorFile> KeysInvalid = new(() => VectorFile.LoadWithComments("base58_keys_invalid.json", _ => false));

    public static IEnumerable<object[]> EncodeDecodeRows => EncodeDecode.Value.Cases;

    public static IEnumerable<object[]> ValidKeyRows => KeysValid.Value.Cases;

    public static IEnumerable<object[]> InvalidKeyRows => KeysInvalid.Value.Cases;

    [Theory]
    [MemberData(nameof(EncodeDecodeRows))]
    public void Encodes_and_decodes(int index, string description)
    {
        _ = description;
        var row = EncodeDecode.Value[index].EnumerateArray().ToArray();
        var data = Convert.FromHexString(row[0].GetString()!);
        var text = row[1].GetString()!;

        Assert.Equal(text, Encoders.Base58.EncodeData(data));
        Assert.Equal(data, Encoders.Base58.DecodeData(text));
    }

    [Theory]
    [MemberData(nameof(ValidKeyRows))]
    public void Valid_key_decodes_to_its_payload_and_round_trips(int index, string description)
    {
        _ = description;
        var row = KeysValid.Value[index].EnumerateArray().ToArray();
        var text = row[0].GetString()!;
        var payload = Convert.FromHexString(row[1].GetString()!);
        var meta = row[2];
        var testnet = meta.GetProperty("isTestnet").GetBoolean();

        var decoded = Encoders.Base58Check.DecodeData(text);
        if (meta.GetProperty("isPrivkey").GetBoolean())
        {
            var compressed = meta.GetProperty("isCompressed").GetBoolean();
            Assert.Equal(LitecoinPrefixes.Secret(testnet), decoded[0]);
            Assert.Equal(compressed ? 34 : 33, decoded.Length);
            if (compressed)
            {
                Assert.Equal(0x01, decoded[^1]);
            }

            Assert.Equal(payload, decoded.AsSpan(1, 32).ToArray());
        }
        else
        {
            var script = meta.GetProperty("addrType").GetString() == "script";
            Assert.Equal(21, decoded.Length);
            Assert.Contains(decoded[0], script ? LitecoinPrefixes.Script(testnet) : [LitecoinPrefixes.Pubkey(testnet)]);
            Assert.Equal(payload, decoded[1..]);
        }

        // Key generation direction: the same prefix and payload encode to the same string.
        Assert.Equal(text, Encoders.Base58Check.EncodeData(decoded));
    }

    [Theory]
    [MemberData(nameof(InvalidKeyRows))]
    public void Invalid_key_is_neither_address_nor_secret(int index, string description)
    {
        _ = description;
        var text = KeysInvalid.Value[index].EnumerateArray().First().GetString()!;
        byte[] decoded;
        try
        {
            decoded = Encoders.Base58Check.DecodeData(text);
        }
        catch (FormatException)
        {
            return;
        }

        foreach (var testnet in new[] { false, true })
        {
            var address = decoded.Length == 21 &&
                          (decoded[0] == LitecoinPrefixes.Pubkey(testnet) || LitecoinPrefixes.Script(testnet).Contains(decoded[0]));
            var secret = decoded[0] == LitecoinPrefixes.Secret(testnet) &&
                         (decoded.Length == 33 || (decoded.Length == 34 && decoded[^1] == 0x01));
            Assert.False(address, $"decodes as an address ({(testnet ? "test" : "main")})");
            Assert.False(secret, $"decodes as a secret key ({(testnet ? "test" : "main")})");
        }
    }

    private static class LitecoinPrefixes
    {
        public static byte Pubkey(bool testnet) => testnet ? (byte)111 : (byte)48;

        // Both the pre-0.15 and the 0.15 script prefixes are valid addresses.
        public static byte[] Script(bool testnet) => testnet ? [196, 58] : [5, 50];

        public static byte Secret(bool testnet) => testnet ? (byte)239 : (byte)176;
    }

}
