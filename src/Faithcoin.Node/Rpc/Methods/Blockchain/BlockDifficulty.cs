namespace Faithcoin.Node.Rpc.Methods.Blockchain;

/// <summary>
/// The original's GetDifficulty: how many times harder the target in <c>nBits</c> is than the 0x1d00ffff
/// minimum, computed in floating point exactly as the RPC reports it.
/// </summary>
public static class BlockDifficulty
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
}
