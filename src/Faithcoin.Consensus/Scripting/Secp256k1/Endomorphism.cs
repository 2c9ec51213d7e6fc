using System.Buffers.Binary;
using System.Numerics;

namespace Faithcoin.Consensus.Scripting.Secp256k1;

/// <summary>
/// secp256k1's efficient endomorphism (GLV): λ·(x, y) = (β·x, y) for cube roots of unity λ mod n and β mod p. Any
/// scalar k splits into k1 + k2·λ with |k1|, |k2| around 2^128, so k·P costs half the doublings. The short basis
/// of the lattice {(a, b) : a + b·λ ≡ 0 mod n} is derived here from λ by the extended Euclidean algorithm (Guide to
/// Elliptic Curve Cryptography, algorithm 3.74) rather than typed in; the tests check λ·G = (β·Gx, Gy) and the split.
/// </summary>
internal sealed class Endomorphism
{
    private static readonly BigInteger Order = Parse("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141");

    private readonly BigInteger a1;
    private readonly BigInteger b1;
    private readonly BigInteger a2;
    private readonly BigInteger b2;

    private Endomorphism()
    {
        Lambda = Parse("5363AD4CC05C30E0A5261C028812645A122E22EA20816678DF02967C1B23BD72");
        FieldElement.TryRead(Convert.FromHexString("7AE96A2B657C07106E64479EAC3434E99CF0497512F58995C1396C28719501EE"), out var beta);
        Beta = beta;

        // Remainders r_i = s_i·n + t_i·λ; stop at the first remainder below √n.
        var sqrtN = BigInteger.One << 128;
        BigInteger r0 = Order, t0 = 0, r1 = Lambda, t1 = 1;
        while (r1 >= sqrtN)
        {
            var q = r0 / r1;
            (r0, r1) = (r1, r0 - (q * r1));
            (t0, t1) = (t1, t0 - (q * t1));
        }

        // (r_l, t_l) is the last remainder ≥ √n (now r0, t0); (r_{l+1}, t_{l+1}) the first below (r1, t1).
        var q2 = r0 / r1;
        var r2 = r0 - (q2 * r1);
        var t2 = t0 - (q2 * t1);
        a1 = r1;
        b1 = -t1;
        if ((r0 * r0) + (t0 * t0) <= (r2 * r2) + (t2 * t2))
        {
            a2 = r0;
            b2 = -t0;
        }
        else
        {
            a2 = r2;
            b2 = -t2;
        }
    }

    public static Endomorphism Instance { get; } = new();

    public BigInteger Lambda { get; }

    public FieldElement Beta { get; }

    /// <summary>k ≡ k1 + k2·λ (mod n), returned as magnitudes with signs; both magnitudes stay below 2^129.</summary>
    public void Split(in Scalar256 k, out Scalar256 k1, out bool k1Negative, out Scalar256 k2, out bool k2Negative)
    {
        var value = ToBig(k);

        // c1 = round(b2·k / n), c2 = round(−b1·k / n); (k1, k2) = (k, 0) − c1·(a1, b1) − c2·(a2, b2).
        var half = Order >> 1;
        var c1 = Round(b2 * value, half);
        var c2 = Round(-b1 * value, half);
        var first = value - (c1 * a1) - (c2 * a2);
        var second = -(c1 * b1) - (c2 * b2);
        k1 = FromBig(BigInteger.Abs(first));
        k1Negative = first.Sign < 0;
        k2 = FromBig(BigInteger.Abs(second));
        k2Negative = second.Sign < 0;
    }

    private static BigInteger Round(BigInteger numerator, BigInteger half) =>
        numerator.Sign >= 0 ? (numerator + half) / Order : -((-numerator + half) / Order);

    private static BigInteger ToBig(in Scalar256 k)
    {
        Span<byte> bytes = stackalloc byte[32];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, k.L0);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes[8..], k.L1);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes[16..], k.L2);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes[24..], k.L3);
        return new BigInteger(bytes, isUnsigned: true);
    }

    private static Scalar256 FromBig(BigInteger value)
    {
        Span<byte> bytes = stackalloc byte[32];
        bytes.Clear();
        if (!value.TryWriteBytes(bytes, out _, isUnsigned: true))
        {
            throw new InvalidOperationException("An endomorphism half does not fit in 256 bits.");
        }

        return Scalar256.FromLimbs(
            BinaryPrimitives.ReadUInt64LittleEndian(bytes),
            BinaryPrimitives.ReadUInt64LittleEndian(bytes[8..]),
            BinaryPrimitives.ReadUInt64LittleEndian(bytes[16..]),
            BinaryPrimitives.ReadUInt64LittleEndian(bytes[24..]));
    }

    private static BigInteger Parse(string hex) => new(Convert.FromHexString(hex), isUnsigned: true, isBigEndian: true);
}
