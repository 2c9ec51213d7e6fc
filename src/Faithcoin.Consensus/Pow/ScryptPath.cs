namespace Faithcoin.Consensus.Pow;

/// <summary>
/// The scrypt ROMix implementations. Every path computes the same function; they differ only in speed and
/// in the instructions they need. Tests and benchmarks force a path through
/// <see cref="ScryptPow.Hash(ReadOnlySpan{byte}, Span{byte}, ScryptPath)"/>.
/// </summary>
internal enum ScryptPath
{
    /// <summary>Portable scalar code; always available.</summary>
    Scalar,

    /// <summary>Four headers word-sliced in <see cref="System.Runtime.Intrinsics.Vector128{T}"/>, one header per lane (NEON / SSE2).</summary>
    Vector128x4,

    /// <summary>Four headers: two interleaved chains of <see cref="System.Runtime.Intrinsics.Vector256{T}"/>, two headers per vector (AVX2).</summary>
    Vector256x2,

    /// <summary>Eight headers: two interleaved chains of <see cref="System.Runtime.Intrinsics.Vector512{T}"/>, four headers per vector (AVX-512F).</summary>
    Vector512x2,
}
