namespace Faithcoin.P2P.Wire;

/// <summary>The service bits of a version message and of addr entries (protocol.h).</summary>
[Flags]
public enum ServiceFlags : ulong
{
    None = 0,
    Network = 1 << 0,
    GetUtxo = 1 << 1,
    Bloom = 1 << 2,
    Witness = 1 << 3,
    Xthin = 1 << 4,
}
