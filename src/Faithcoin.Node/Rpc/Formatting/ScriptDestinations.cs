using NBitcoin;
using NBitcoin.Crypto;

namespace Faithcoin.Node.Rpc.Formatting;

/// <summary>
/// Core 0.15's ExtractDestinations: the addresses a scriptPubKey pays and how many signatures it needs. Only
/// P2PK, P2PKH, P2SH and multisig have addresses in 0.15 (no bech32 yet); keys count as valid by their header
/// byte and length alone (CPubKey::IsValid), and multisig skips invalid keys.
/// </summary>
public static class ScriptDestinations
{
    /// <summary>The addresses, or null when the original reports none (then only "type" is shown).</summary>
    public static ScriptAddresses? Extract(ScriptTemplate template, Network network)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(network);
        if (!template.Solved)
        {
            return null;
        }

        switch (template.Type)
        {
            case ScriptType.PubKeyHash:
                return Single(new KeyId(template.Solutions[0]).GetAddress(network).ToString());
            case ScriptType.ScriptHash:
                return Single(new ScriptId(template.Solutions[0]).GetAddress(network).ToString());
            case ScriptType.PubKey:
                return IsValidPubKey(template.Solutions[0]) ? Single(KeyAddress(template.Solutions[0], network)) : null;
            case ScriptType.Multisig:
                var addresses = template.Solutions
                    .Skip(1)
                    .Take(template.Solutions.Count - 2)
                    .Where(IsValidPubKey)
                    .Select(key => KeyAddress(key, network))
                    .ToList();
                return addresses.Count == 0 ? null : new ScriptAddresses(template.Solutions[0][0], addresses);
            default:
                return null;
        }
    }

    /// <summary>CPubKey::IsValid: 02/03 with 33 bytes or 04/06/07 with 65 bytes; the curve is not consulted.</summary>
    public static bool IsValidPubKey(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length == 0)
        {
            return false;
        }

        return key[0] switch
        {
            0x02 or 0x03 => key.Length == 33,
            0x04 or 0x06 or 0x07 => key.Length == 65,
            _ => false,
        };
    }

    private static ScriptAddresses Single(string address) => new(1, [address]);

    private static string KeyAddress(byte[] key, Network network) =>
        new KeyId(Hashes.Hash160(key, 0, key.Length)).GetAddress(network).ToString();
}
