using System.Runtime.CompilerServices;

namespace Faithcoin.Consensus.Scripting.Secp256k1;

/// <summary>
/// ECDSA verification on secp256k1 with 64-bit limbs, several times faster than NBitcoin's port of libsecp256k1's
/// 32-bit code. It answers true only for a signature that is valid; callers treat false as "ask the reference
/// implementation", so a mistake here could only cost time, never accept an invalid signature, provided true is right.
/// Like libsecp256k1 after Core's normalisation, high-S signatures verify (s and n − s give the same x).
/// </summary>
public static class EcdsaVerifier
{
    private const int PublicKeyWidth = 5;

    /// <summary>
    /// True when <paramref name="signatureDer"/> (strict DER, without the sighash byte) is a valid signature of the
    /// 32-byte <paramref name="messageHash"/> (as signed: big-endian number) by the public key
    /// <paramref name="publicKey"/> (33-byte compressed or 65-byte uncompressed).
    /// </summary>
    public static bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> signatureDer, ReadOnlySpan<byte> messageHash)
    {
        if (messageHash.Length != 32 || !DerSignature.TryParseStrict(signatureDer, out var r, out var s))
        {
            return false;
        }

        return AffinePoint.TryParsePublicKey(publicKey, out var q) && Verify(q, r, s, messageHash);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static bool Verify(in AffinePoint q, ReadOnlySpan<byte> rBigEndian, ReadOnlySpan<byte> sBigEndian, ReadOnlySpan<byte> messageHash)
    {
        var r = Scalar256.FromBigEndian(rBigEndian, out var rOverflow);
        var s = Scalar256.FromBigEndian(sBigEndian, out var sOverflow);
        if (rOverflow || sOverflow || r.IsZero || s.IsZero)
        {
            return false;
        }

        var z = Scalar256.FromBigEndian(messageHash, out _);
        var w = Scalar256.Invert(s);
        var u1 = Scalar256.Multiply(z, w);
        var u2 = Scalar256.Multiply(r, w);

        // u1·G + u2·Q = g1·G + g2·(λG) + k1·Q + k2·(λQ), four half-length scalars sharing one run of doublings.
        var endomorphism = Endomorphism.Instance;
        endomorphism.Split(u1, out var g1, out var g1Negative, out var g2, out var g2Negative);
        endomorphism.Split(u2, out var k1, out var k1Negative, out var k2, out var k2Negative);
        Span<int> digits = stackalloc int[4 * WnafEncoder.MaxDigits];
        var g1Digits = digits[..WnafEncoder.MaxDigits];
        var g2Digits = digits.Slice(WnafEncoder.MaxDigits, WnafEncoder.MaxDigits);
        var k1Digits = digits.Slice(2 * WnafEncoder.MaxDigits, WnafEncoder.MaxDigits);
        var k2Digits = digits.Slice(3 * WnafEncoder.MaxDigits, WnafEncoder.MaxDigits);
        var length = Math.Max(
            Math.Max(Encode(g1, g1Negative, GeneratorTable.Width, g1Digits), Encode(g2, g2Negative, GeneratorTable.Width, g2Digits)),
            Math.Max(Encode(k1, k1Negative, PublicKeyWidth, k1Digits), Encode(k2, k2Negative, PublicKeyWidth, k2Digits)));

        // Odd multiples 1·Q … 15·Q, and their images λ·(jQ) = (β·X, Y, Z).
        var tableSize = 1 << (PublicKeyWidth - 2);
        Span<JacobianPoint> keyTable = stackalloc JacobianPoint[2 * tableSize];
        keyTable[0] = JacobianPoint.FromAffine(q);
        JacobianPoint.Double(keyTable[0], out var twoQ);
        for (var i = 1; i < tableSize; i++)
        {
            JacobianPoint.Add(keyTable[i - 1], twoQ, out keyTable[i]);
        }

        for (var i = 0; i < tableSize; i++)
        {
            keyTable[tableSize + i] = keyTable[i];
            FieldElement.Mul(keyTable[i].X, endomorphism.Beta, out keyTable[tableSize + i].X);
        }

        var generator = GeneratorTable.Instance;
        var result = JacobianPoint.Infinity;
        for (var i = length - 1; i >= 0; i--)
        {
            JacobianPoint.Double(result, out result);
            AddKeyMultiple(ref result, keyTable, k1Digits[i], 0);
            AddKeyMultiple(ref result, keyTable, k2Digits[i], tableSize);
            AddGeneratorMultiple(ref result, generator.X, generator, g1Digits[i]);
            AddGeneratorMultiple(ref result, generator.LambdaX, generator, g2Digits[i]);
        }

        if (result.IsInfinity)
        {
            return false;
        }

        // x(R) mod n == r without leaving Jacobian coordinates: X == x·Z² for x = r, or x = r + n when that is below p.
        FieldElement.Sqr(result.Z, out var z2);
        FieldElement.Mul(r.ToFieldElement(), z2, out var candidate);
        if (FieldElement.AreEqual(candidate, result.X))
        {
            return true;
        }

        if (r.TryAddOrderBelowP(out var rPlusN))
        {
            FieldElement.Mul(rPlusN, z2, out candidate);
            return FieldElement.AreEqual(candidate, result.X);
        }

        return false;
    }

    private static int Encode(in Scalar256 magnitude, bool negative, int width, Span<int> digits)
    {
        var length = WnafEncoder.Encode(magnitude, width, digits);
        if (negative)
        {
            for (var i = 0; i < length; i++)
            {
                digits[i] = -digits[i];
            }
        }

        return length;
    }

    private static void AddKeyMultiple(ref JacobianPoint result, ReadOnlySpan<JacobianPoint> table, int digit, int offset)
    {
        if (digit > 0)
        {
            JacobianPoint.Add(result, table[offset + ((digit - 1) >> 1)], out result);
        }
        else if (digit < 0)
        {
            var negated = table[offset + ((-digit - 1) >> 1)];
            FieldElement.Negate(negated.Y, out negated.Y);
            JacobianPoint.Add(result, negated, out result);
        }
    }

    private static void AddGeneratorMultiple(ref JacobianPoint result, FieldElement[] xs, GeneratorTable table, int digit)
    {
        if (digit > 0)
        {
            var k = (digit - 1) >> 1;
            JacobianPoint.AddAffine(result, xs[k], table.Y[k], out result);
        }
        else if (digit < 0)
        {
            var k = (-digit - 1) >> 1;
            JacobianPoint.AddAffine(result, xs[k], table.NegY[k], out result);
        }
    }
}
