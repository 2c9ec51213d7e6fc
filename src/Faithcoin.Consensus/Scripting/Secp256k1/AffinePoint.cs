namespace Faithcoin.Consensus.Scripting.Secp256k1;

/// <summary>A point of y² = x³ + 7 with affine coordinates (never the point at infinity).</summary>
internal readonly struct AffinePoint
{
    public AffinePoint(FieldElement x, FieldElement y)
    {
        X = x;
        Y = y;
    }

    public FieldElement X { get; }

    public FieldElement Y { get; }

    /// <summary>
    /// Parses a public key as secp256k1_ec_pubkey_parse does for the encodings it takes here: 33 bytes 02/03 + x, or
    /// 65 bytes 04 + x + y. False for anything else, including a point not on the curve (the caller falls back to
    /// the reference implementation, which then decides).
    /// </summary>
    public static bool TryParsePublicKey(ReadOnlySpan<byte> encoded, out AffinePoint point)
    {
        point = default;
        if (encoded.Length == 33 && (encoded[0] == 0x02 || encoded[0] == 0x03))
        {
            if (!FieldElement.TryRead(encoded[1..], out var x) || !TryComputeY(x, out var y))
            {
                return false;
            }

            if (y.IsOdd() != (encoded[0] == 0x03))
            {
                FieldElement.Negate(y, out y);
            }

            point = new AffinePoint(x, y);
            return true;
        }

        if (encoded.Length == 65 && encoded[0] == 0x04)
        {
            if (!FieldElement.TryRead(encoded.Slice(1, 32), out var x) || !FieldElement.TryRead(encoded.Slice(33, 32), out var y))
            {
                return false;
            }

            FieldElement.Sqr(y, out var y2);
            return IsOnCurve(x, y2) && Assign(new AffinePoint(x, y), out point);
        }

        return false;
    }

    private static bool Assign(AffinePoint value, out AffinePoint point)
    {
        point = value;
        return true;
    }

    private static bool TryComputeY(in FieldElement x, out FieldElement y)
    {
        RightHandSide(x, out var rhs);
        return FieldElement.TrySqrt(rhs, out y);
    }

    private static bool IsOnCurve(in FieldElement x, in FieldElement ySquared)
    {
        RightHandSide(x, out var rhs);
        return FieldElement.AreEqual(rhs, ySquared);
    }

    private static void RightHandSide(in FieldElement x, out FieldElement rhs)
    {
        FieldElement.Sqr(x, out var x2);
        FieldElement.Mul(x2, x, out var x3);
        FieldElement.Add(x3, new FieldElement(7, 0, 0, 0), out rhs);
    }
}
