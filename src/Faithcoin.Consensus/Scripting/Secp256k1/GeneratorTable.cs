namespace Faithcoin.Consensus.Scripting.Secp256k1;

/// <summary>
/// The odd multiples 1·G, 3·G, …, (2^(w−1) − 1)·G of the generator in affine form, with their negated y and the
/// x of their images under the endomorphism, for the u1·G half of a verification. Built once per process (a few milliseconds) and never changed afterwards.
/// </summary>
internal sealed class GeneratorTable
{
    public const int Width = 10;

    private GeneratorTable()
    {
        var count = 1 << (Width - 2);
        X = new FieldElement[count];
        Y = new FieldElement[count];
        NegY = new FieldElement[count];
        LambdaX = new FieldElement[count];
        FieldElement.TryRead(Convert.FromHexString("79BE667EF9DCBBAC55A06295CE870B07029BFCDB2DCE28D959F2815B16F81798"), out var gx);
        FieldElement.TryRead(Convert.FromHexString("483ADA7726A3C4655DA4FBFC0E1108A8FD17B448A68554199C47D08FFB10D4B8"), out var gy);
        var g = JacobianPoint.FromAffine(new AffinePoint(gx, gy));
        JacobianPoint.Double(g, out var twoG);
        var current = g;
        for (var i = 0; i < count; i++)
        {
            var affine = current.ToAffine();
            X[i] = affine.X;
            Y[i] = affine.Y;
            FieldElement.Negate(affine.Y, out NegY[i]);
            FieldElement.Mul(affine.X, Endomorphism.Instance.Beta, out LambdaX[i]);
            JacobianPoint.Add(current, twoG, out current);
        }
    }

    public static GeneratorTable Instance { get; } = new();

    /// <summary>X[i] is the x of (2i + 1)·G.</summary>
    public FieldElement[] X { get; }

    public FieldElement[] Y { get; }

    public FieldElement[] NegY { get; }

    /// <summary>β·X[i], the x of λ·(2i + 1)·G (same y).</summary>
    public FieldElement[] LambdaX { get; }
}
