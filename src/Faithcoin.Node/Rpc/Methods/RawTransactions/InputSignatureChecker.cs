using NBitcoin;
using NBitcoin.Crypto;

namespace Faithcoin.Node.Rpc.Methods.RawTransactions;

/// <summary>
/// TransactionSignatureChecker for one input: signature hashes (legacy or BIP143 with the spent amount) and
/// CheckSig as the interpreter does it (lax DER, S normalised, hash type taken from the last byte).
/// </summary>
public sealed class InputSignatureChecker(Transaction transaction, int inputIndex, TxOut spentOutput)
{
    public uint256 Hash(byte[] scriptCode, int hashType, HashVersion version) =>
        transaction.GetSignatureHash(new Script(scriptCode), inputIndex, (SigHash)hashType, spentOutput, version);

    public bool CheckSig(byte[] signature, byte[] pubKey, byte[] scriptCode, HashVersion version)
    {
        if (signature.Length == 0 || !PubKey.TryCreatePubKey(pubKey, out var key))
        {
            return false;
        }

        try
        {
            var ecdsa = new ECDSASignature(signature.AsSpan(0, signature.Length - 1));
            return key.Verify(Hash(scriptCode, signature[^1], version), ecdsa.MakeCanonical());
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }
}
