using System.Text.Json.Nodes;

namespace Faithcoin.Node.Rpc.Formatting;

/// <summary>
/// Core's GetDifficulty: how many times harder the target in <c>nBits</c> is than the 0x1d00ffff minimum,
/// in floating point and in the same order of operations, so the double (and its %.16g text) match.
/// </summary>
public static class Difficulty
{
    public static double FromBits(uint bits)
    {
        var shift = (int)((bits >> 24) & 0xff);
        var difficulty = 0x0000ffff / (double)(bits & 0x00ffffff);
        for (; shift < 29; shift++)
        {
            difficulty *= 256.0;
        }

        for (; shift > 29; shift--)
        {
            difficulty /= 256.0;
        }

        return difficulty;
    }

    public static JsonNode ToJson(uint bits) => JsonNumber.FromDouble(FromBits(bits));
}
