using System.Runtime.CompilerServices;

namespace Faithcoin.Consensus.Scripting.Secp256k1;

/// <summary>
/// A point in Jacobian coordinates (x = X/Z², y = Y/Z³) with an explicit flag for infinity. The formulas are the
/// textbook ones for a = 0; the doubling and addition special cases (equal or opposite points) are handled.
/// </summary>
internal struct JacobianPoint
{
    public FieldElement X;
    public FieldElement Y;
    public FieldElement Z;
    public bool IsInfinity;

    public static JacobianPoint Infinity => new() { IsInfinity = true };

    public static JacobianPoint FromAffine(in AffinePoint p) => new() { X = p.X, Y = p.Y, Z = FieldElement.One };

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Double(in JacobianPoint p, out JacobianPoint r)
    {
        if (p.IsInfinity)
        {
            r = p;
            return;
        }

        // S = 4·X·Y², M = 3·X², X3 = M² − 2S, Y3 = M·(S − X3) − 8·Y⁴, Z3 = 2·Y·Z. (y is never 0 on secp256k1.)
        FieldElement.Sqr(p.Y, out var y2);
        FieldElement.Mul(p.X, y2, out var s);
        FieldElement.MulSmall(s, 4, out s);
        FieldElement.Sqr(p.X, out var m);
        FieldElement.MulSmall(m, 3, out m);
        FieldElement.Sqr(m, out var x3);
        FieldElement.Add(s, s, out var twoS);
        FieldElement.Sub(x3, twoS, out x3);
        FieldElement.Sqr(y2, out var y4);
        FieldElement.MulSmall(y4, 8, out y4);
        FieldElement.Sub(s, x3, out var y3);
        FieldElement.Mul(m, y3, out y3);
        FieldElement.Sub(y3, y4, out y3);
        FieldElement.Mul(p.Y, p.Z, out var z3);
        FieldElement.Add(z3, z3, out z3);
        r = new JacobianPoint { X = x3, Y = y3, Z = z3 };
    }

    /// <summary>p + q with q affine (mixed addition).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AddAffine(in JacobianPoint p, in FieldElement qx, in FieldElement qy, out JacobianPoint r)
    {
        if (p.IsInfinity)
        {
            r = new JacobianPoint { X = qx, Y = qy, Z = FieldElement.One };
            return;
        }

        // U2 = qx·Z², S2 = qy·Z³, H = U2 − X, R = S2 − Y.
        FieldElement.Sqr(p.Z, out var z2);
        FieldElement.Mul(qx, z2, out var u2);
        FieldElement.Mul(z2, p.Z, out var z3);
        FieldElement.Mul(qy, z3, out var s2);
        FieldElement.Sub(u2, p.X, out var h);
        FieldElement.Sub(s2, p.Y, out var rr);
        Finish(p.X, p.Y, p.Z, h, rr, out r, p);
    }

    /// <summary>p + q, both Jacobian.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Add(in JacobianPoint p, in JacobianPoint q, out JacobianPoint r)
    {
        if (p.IsInfinity)
        {
            r = q;
            return;
        }

        if (q.IsInfinity)
        {
            r = p;
            return;
        }

        FieldElement.Sqr(q.Z, out var qz2);
        FieldElement.Mul(p.X, qz2, out var u1);
        FieldElement.Mul(qz2, q.Z, out var qz3);
        FieldElement.Mul(p.Y, qz3, out var s1);
        FieldElement.Sqr(p.Z, out var pz2);
        FieldElement.Mul(q.X, pz2, out var u2);
        FieldElement.Mul(pz2, p.Z, out var pz3);
        FieldElement.Mul(q.Y, pz3, out var s2);
        FieldElement.Sub(u2, u1, out var h);
        FieldElement.Sub(s2, s1, out var rr);
        FieldElement.Mul(p.Z, q.Z, out var z);
        Finish(u1, s1, z, h, rr, out r, p);
    }

    /// <summary>X3 = R² − H³ − 2·U1·H², Y3 = R·(U1·H² − X3) − S1·H³, Z3 = Z·H; H = 0 means equal or opposite points.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Finish(in FieldElement u1, in FieldElement s1, in FieldElement z, in FieldElement h, in FieldElement rr, out JacobianPoint r, in JacobianPoint p)
    {
        if (h.IsZero())
        {
            if (rr.IsZero())
            {
                Double(p, out r);
            }
            else
            {
                r = Infinity;
            }

            return;
        }

        FieldElement.Sqr(h, out var h2);
        FieldElement.Mul(h2, h, out var h3);
        FieldElement.Mul(u1, h2, out var v);
        FieldElement.Sqr(rr, out var x3);
        FieldElement.Sub(x3, h3, out x3);
        FieldElement.Add(v, v, out var twoV);
        FieldElement.Sub(x3, twoV, out x3);
        FieldElement.Sub(v, x3, out var y3);
        FieldElement.Mul(rr, y3, out y3);
        FieldElement.Mul(s1, h3, out var sh3);
        FieldElement.Sub(y3, sh3, out y3);
        FieldElement.Mul(z, h, out var z3);
        r = new JacobianPoint { X = x3, Y = y3, Z = z3 };
    }

    /// <summary>The affine form; the point must not be infinity.</summary>
    public readonly AffinePoint ToAffine()
    {
        var zi = FieldElement.Invert(Z);
        FieldElement.Sqr(zi, out var zi2);
        FieldElement.Mul(zi2, zi, out var zi3);
        FieldElement.Mul(X, zi2, out var x);
        FieldElement.Mul(Y, zi3, out var y);
        return new AffinePoint(x.Normalize(), y.Normalize());
    }
}
