using NBitcoin;
using NBitcoin.Crypto;

namespace Faithcoin.Node.Rpc.Methods.RawTransactions;

/// <summary>
/// CBasicKeyStore for one call: the private keys given to signrawtransaction, by key id (hash160 of the public key
/// in the key's own compressed or uncompressed form), and the redeem scripts from prevtxs, by hash160.
/// </summary>
public sealed class SigningKeyStore
{
    private readonly Dictionary<KeyId, Key> keys = [];
    private readonly Dictionary<ScriptId, byte[]> scripts = [];

    public void AddKey(Key key)
    {
        ArgumentNullException.ThrowIfNull(key);
        keys[key.PubKey.Hash] = key;
    }

    public void AddScript(byte[] script)
    {
        ArgumentNullException.ThrowIfNull(script);
        scripts[new ScriptId(Hashes.Hash160(script))] = script;
    }

    public Key? FindKey(KeyId id) => keys.GetValueOrDefault(id);

    public byte[]? FindScript(ScriptId id) => scripts.GetValueOrDefault(id);
}
