using System.Runtime.InteropServices;

namespace Faithcoin.Consensus.Pow;

/// <summary>
/// One 64-byte Salsa20 block as sixteen named words. A local of this type is promoted to registers by the JIT
/// field by field, which arrays and spans are not; the scalar path keeps its working state in it.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct SalsaBlock
{
    public uint W0, W1, W2, W3, W4, W5, W6, W7, W8, W9, W10, W11, W12, W13, W14, W15;
}
