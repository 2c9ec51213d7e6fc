using Faithcoin.Consensus.Scripting.Secp256k1;
using NBitcoin;
using NBitcoin.Crypto;

namespace Faithcoin.Consensus.Scripting;

/// <summary>
/// A fast path for the inputs that make up nearly all blocks: P2PKH, P2SH multisig, P2SH-P2WPKH and P2WPKH, under
/// consensus flags only. It answers true only when it has itself established, following 0.15's interpreter step by
/// step for that exact template, that the input's scripts pass; anything unusual (another template, another sighash
/// type, a non-strict signature, a failing check, a policy flag) answers false and the caller runs NBitcoin's full
/// interpreter, which then gives the verdict and the error. The signature hashes are NBitcoin's own, so they cannot
/// differ from what the interpreter would sign over; only the elliptic-curve check is done by
/// <see cref="EcdsaVerifier"/> (libsecp256k1, as in 0.15), several times faster than NBitcoin's managed port.
/// </summary>
public static class StandardInputVerifier
{
    /// <summary>Flags whose meaning the fast path reproduces; any other (policy) flag sends the input to the interpreter.</summary>
    private const ScriptVerify Supported = ScriptVerify.P2SH | ScriptVerify.DerSig | ScriptVerify.NullDummy |
                                           ScriptVerify.CheckLockTimeVerify | ScriptVerify.CheckSequenceVerify | ScriptVerify.Witness;

    private const int MaxElementSize = 520;
    private const int MaxPushes = 20;
    private const byte SigHashAll = 0x01;

    public static bool TryVerify(Transaction tx, int inputIndex, TxOut spentOutput, ScriptVerify flags, PrecomputedTransactionData? precomputed)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentNullException.ThrowIfNull(spentOutput);
        if ((flags & ~Supported) != 0)
        {
            return false;
        }

        var input = tx.Inputs[inputIndex];
        var scriptPubKey = spentOutput.ScriptPubKey.ToBytes(true);
        var scriptSig = input.ScriptSig.ToBytes(true);
        var witness = input.WitScript;

        if (IsPayToPubKeyHash(scriptPubKey))
        {
            return witness.PushCount == 0 && VerifyPayToPubKeyHash(tx, inputIndex, spentOutput, scriptPubKey, scriptSig);
        }

        if ((flags & ScriptVerify.P2SH) != 0 && ScriptPatterns.IsPayToScriptHash(scriptPubKey))
        {
            return VerifyPayToScriptHash(tx, inputIndex, spentOutput, scriptPubKey, scriptSig, witness, flags, precomputed);
        }

        if ((flags & ScriptVerify.Witness) != 0 && IsWitnessKeyHash(scriptPubKey))
        {
            return scriptSig.Length == 0 && VerifyWitnessKeyHash(tx, inputIndex, spentOutput, scriptPubKey.AsSpan(2, 20), witness, precomputed);
        }

        return false;
    }

    private static bool VerifyPayToPubKeyHash(Transaction tx, int inputIndex, TxOut spentOutput, byte[] scriptPubKey, byte[] scriptSig)
    {
        Span<int> starts = stackalloc int[MaxPushes];
        Span<int> lengths = stackalloc int[MaxPushes];
        if (ReadPushes(scriptSig, starts, lengths) != 2)
        {
            return false;
        }

        var signature = scriptSig.AsSpan(starts[0], lengths[0]);
        var publicKey = scriptSig.AsSpan(starts[1], lengths[1]);

        // A 20-byte signature could equal the key-hash push and be cut out of the script code (FindAndDelete).
        if (signature.Length == 20 || !HashMatches(publicKey, scriptPubKey.AsSpan(3, 20)) || !IsSigHashAll(signature))
        {
            return false;
        }

        var sighash = tx.GetSignatureHash(new Script(scriptPubKey), inputIndex, SigHash.All, spentOutput, HashVersion.Original, null);
        return EcdsaVerifier.Verify(publicKey, signature[..^1], sighash.ToBytes());
    }

    private static bool VerifyPayToScriptHash(
        Transaction tx, int inputIndex, TxOut spentOutput, byte[] scriptPubKey, byte[] scriptSig, WitScript witness, ScriptVerify flags, PrecomputedTransactionData? precomputed)
    {
        Span<int> starts = stackalloc int[MaxPushes];
        Span<int> lengths = stackalloc int[MaxPushes];
        var count = ReadPushes(scriptSig, starts, lengths);
        if (count < 1)
        {
            return false;
        }

        var redeem = scriptSig.AsSpan(starts[count - 1], lengths[count - 1]);
        if (!HashMatches(redeem, scriptPubKey.AsSpan(2, 20)))
        {
            return false;
        }

        if (IsWitnessKeyHash(redeem))
        {
            // P2SH-P2WPKH: the scriptSig must be exactly the canonical push of the program (no malleability).
            return (flags & ScriptVerify.Witness) != 0 && scriptSig.Length == 23 && scriptSig[0] == 22 &&
                   VerifyWitnessKeyHash(tx, inputIndex, spentOutput, redeem.Slice(2, 20), witness, precomputed);
        }

        return witness.PushCount == 0 && VerifyMultisig(tx, inputIndex, spentOutput, scriptSig, redeem, starts[..count], lengths[..count]);
    }

    private static bool VerifyMultisig(Transaction tx, int inputIndex, TxOut spentOutput, byte[] scriptSig, ReadOnlySpan<byte> redeem, ReadOnlySpan<int> starts, ReadOnlySpan<int> lengths)
    {
        // redeem = OP_m <key>... OP_n OP_CHECKMULTISIG with 1 <= m <= n <= 16; scriptSig = OP_0 <sig>... <redeem>.
        if (redeem.Length < 3 || redeem.Length > MaxElementSize || redeem[^1] != 0xae)
        {
            return false;
        }

        int required = redeem[0] - (ScriptReader.Op1 - 1), keyCount = redeem[^2] - (ScriptReader.Op1 - 1);
        if (required < 1 || keyCount < required || keyCount > 16 || starts.Length != required + 2 || lengths[0] != 0 || scriptSig[starts[0] - 1] != ScriptReader.Op0)
        {
            return false;
        }

        Span<int> keyStarts = stackalloc int[16];
        Span<int> keyLengths = stackalloc int[16];
        if (ReadPushes(redeem[1..^2], keyStarts, keyLengths) != keyCount)
        {
            return false;
        }

        for (var k = 0; k < keyCount; k++)
        {
            keyStarts[k]++;
            if (redeem[keyStarts[k] - 1] != keyLengths[k] || (keyLengths[k] != 33 && keyLengths[k] != 65))
            {
                return false;
            }
        }

        for (var s = 1; s <= required; s++)
        {
            var signature = scriptSig.AsSpan(starts[s], lengths[s]);
            if (!IsSigHashAll(signature) || signature.Length == 33 || signature.Length == 65)
            {
                // Only a 33- or 65-byte signature could match a key push and be cut out by FindAndDelete.
                return false;
            }
        }

        var sighash = tx.GetSignatureHash(new Script(redeem.ToArray()), inputIndex, SigHash.All, spentOutput, HashVersion.Original, null).ToBytes();

        // CHECKMULTISIG as 0.15 runs it: from the last signature and the last key down, each key tried once.
        var key = keyCount - 1;
        for (var s = required; s >= 1; s--)
        {
            var signature = scriptSig.AsSpan(starts[s], lengths[s])[..^1];
            while (true)
            {
                if (s > key + 1)
                {
                    return false;
                }

                var matched = EcdsaVerifier.Verify(redeem.Slice(keyStarts[key], keyLengths[key]), signature, sighash);
                key--;
                if (matched)
                {
                    break;
                }
            }
        }

        return true;
    }

    private static bool VerifyWitnessKeyHash(Transaction tx, int inputIndex, TxOut spentOutput, ReadOnlySpan<byte> keyHash, WitScript witness, PrecomputedTransactionData? precomputed)
    {
        if (witness.PushCount != 2)
        {
            return false;
        }

        var signature = witness.GetUnsafePush(0);
        var publicKey = witness.GetUnsafePush(1);
        if (signature.Length > MaxElementSize || publicKey.Length > MaxElementSize || !HashMatches(publicKey, keyHash) || !IsSigHashAll(signature))
        {
            return false;
        }

        var scriptCode = PayToPubkeyHashTemplate.Instance.GenerateScriptPubKey(new KeyId(keyHash.ToArray()));
        var sighash = tx.GetSignatureHash(scriptCode, inputIndex, SigHash.All, spentOutput, HashVersion.WitnessV0, precomputed);
        return EcdsaVerifier.Verify(publicKey, signature.AsSpan(0, signature.Length - 1), sighash.ToBytes());
    }

    /// <summary>Data pushes only (OP_0 counts as an empty push); -1 for anything else, a bad push or too many.</summary>
    private static int ReadPushes(ReadOnlySpan<byte> script, Span<int> starts, Span<int> lengths)
    {
        var reader = new ScriptReader(script);
        var count = 0;
        var consumed = 0;
        while (!reader.AtEnd)
        {
            if (count == starts.Length || !reader.TryRead(out var opcode, out var data) || opcode > ScriptReader.OpPushData4 || data.Length > MaxElementSize)
            {
                return -1;
            }

            var end = script.Length - RemainingAfter(script, consumed, opcode, data.Length);
            starts[count] = end - data.Length;
            lengths[count] = data.Length;
            consumed = end;
            count++;
        }

        return count;
    }

    /// <summary>Bytes after a push that started at <paramref name="offset"/> with this opcode and data length.</summary>
    private static int RemainingAfter(ReadOnlySpan<byte> script, int offset, byte opcode, int dataLength)
    {
        var header = opcode switch
        {
            ScriptReader.OpPushData1 => 2,
            ScriptReader.OpPushData2 => 3,
            ScriptReader.OpPushData4 => 5,
            _ => 1,
        };
        return script.Length - (offset + header + dataLength);
    }

    private static bool IsPayToPubKeyHash(ReadOnlySpan<byte> script) =>
        script.Length == 25 && script[0] == 0x76 && script[1] == 0xa9 && script[2] == 0x14 && script[23] == 0x88 && script[24] == 0xac;

    private static bool IsWitnessKeyHash(ReadOnlySpan<byte> script) => script.Length == 22 && script[0] == 0x00 && script[1] == 0x14;

    private static bool IsSigHashAll(ReadOnlySpan<byte> signature) => signature.Length > 1 && signature[^1] == SigHashAll;

    private static bool HashMatches(ReadOnlySpan<byte> data, ReadOnlySpan<byte> expected20) =>
        Hashes.Hash160(data.ToArray()).ToBytes().AsSpan().SequenceEqual(expected20);
}
