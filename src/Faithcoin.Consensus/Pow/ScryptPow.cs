using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using NBitcoin;

namespace Faithcoin.Consensus.Pow;

/// <summary>
/// Litecoin's proof-of-work hash: scrypt(N = 1024, r = 1, p = 1, dkLen = 32) with the 80-byte block header as
/// both password and salt. The 32 output bytes are returned as scrypt produces them (read little-endian by
/// <see cref="uint256"/>). No managed allocation per hash; no static mutable state; thread-safe.
/// </summary>
[SkipLocalsInit]
public static unsafe class ScryptPow
{
    /// <summary>Size of a serialized block header.</summary>
    public const int HeaderSize = 80;

    /// <summary>Size of the hash.</summary>
    public const int HashSize = 32;

    /// <summary>scrypt cost parameter N.</summary>
    internal const int N = 1024;

    private const int BlockBytes = 128;
    private const int Alignment = 64;

    /// <summary>
    /// Hashes one header. One header is a single chain of 4,096 dependent Salsa20/8 cores, so its speed is the
    /// chain's latency: the scalar path wins on every CPU we know of, since scalar add and rotate take one cycle
    /// while SIMD ones take two or more and a one-header SIMD round adds shuffles. SIMD pays off in
    /// <see cref="HashBatch(ReadOnlySpan{byte}, Span{byte})"/>, where lanes hold different headers.
    /// </summary>
    public static void Hash(ReadOnlySpan<byte> header80, Span<byte> output32)
    {
        CheckSingle(header80, output32);
        HashOne(header80, output32);
    }

    /// <summary>Hashes one header; allocates only the returned <see cref="uint256"/>.</summary>
    public static uint256 Hash(ReadOnlySpan<byte> header80)
    {
        Span<byte> output = stackalloc byte[HashSize];
        Hash(header80, output);
        return new uint256(output);
    }

    /// <summary>
    /// Hashes <c>headers.Length / 80</c> consecutive headers into consecutive 32-byte outputs, running several
    /// headers in interleaved SIMD lanes when the CPU allows. Single-threaded; the V tables of one call
    /// (up to 1 MiB) come from native memory, allocated once per call.
    /// </summary>
    public static void HashBatch(ReadOnlySpan<byte> headers, Span<byte> outputs)
    {
        CheckBatch(headers, outputs);
        var path = BestBatchPath;
        var lanes = LanesOf(path);
        var full = headers.Length / HeaderSize / lanes * lanes;
        if (lanes == 1 || full * HeaderSize == headers.Length)
        {
            HashBatch(headers, outputs, path);
            return;
        }

        // Full groups on the widest kernel; the tail on the narrowest kernel that holds it in one group.
        if (full > 0)
        {
            HashBatch(headers[..(full * HeaderSize)], outputs[..(full * HashSize)], path);
        }

        var tail = headers.Length / HeaderSize - full;
        var tailPath = path == ScryptPath.Vector512x2 && tail <= ScryptVector256x2.Lanes ? ScryptPath.Vector256x2 : path;
        HashBatch(headers[(full * HeaderSize)..], outputs[(full * HashSize)..], tailPath);
    }

    /// <summary>The path <see cref="HashBatch(ReadOnlySpan{byte}, Span{byte})"/> uses on this CPU.</summary>
    internal static ScryptPath BestBatchPath =>
        Avx512F.IsSupported ? ScryptPath.Vector512x2
        : Avx2.IsSupported ? ScryptPath.Vector256x2
        : Vector128.IsHardwareAccelerated ? ScryptPath.Vector128x4
        : ScryptPath.Scalar;

    /// <summary>Whether this CPU can run <paramref name="path"/>.</summary>
    internal static bool IsSupported(ScryptPath path) => path switch
    {
        ScryptPath.Scalar => true,
        ScryptPath.Vector128x4 => Vector128.IsHardwareAccelerated,
        ScryptPath.Vector256x2 => Avx2.IsSupported,
        ScryptPath.Vector512x2 => Avx512F.IsSupported,
        _ => false,
    };

    /// <summary>Headers one ROMix call of <paramref name="path"/> processes together.</summary>
    internal static int LanesOf(ScryptPath path) => path switch
    {
        ScryptPath.Vector128x4 => ScryptVector128x4.Lanes,
        ScryptPath.Vector256x2 => ScryptVector256x2.Lanes,
        ScryptPath.Vector512x2 => ScryptVector512x2.Lanes,
        _ => 1,
    };

    /// <summary>Hashes one header on a forced path (a multi-lane path runs with its spare lanes idle).</summary>
    internal static void Hash(ReadOnlySpan<byte> header80, Span<byte> output32, ScryptPath path)
    {
        CheckSingle(header80, output32);
        CheckPath(path);
        if (LanesOf(path) == 1)
        {
            HashOne(header80, output32);
        }
        else
        {
            HashGroups(header80, output32, 1, path);
        }
    }

    /// <summary>Hashes many headers on a forced path.</summary>
    internal static void HashBatch(ReadOnlySpan<byte> headers, Span<byte> outputs, ScryptPath path)
    {
        CheckBatch(headers, outputs);
        CheckPath(path);
        var count = headers.Length / HeaderSize;
        if (LanesOf(path) == 1 || count == 1)
        {
            for (var i = 0; i < count; i++)
            {
                HashOne(headers.Slice(i * HeaderSize, HeaderSize), outputs.Slice(i * HashSize, HashSize));
            }
        }
        else
        {
            HashGroups(headers, outputs, count, path);
        }
    }

    private static void HashOne(ReadOnlySpan<byte> header, Span<byte> output)
    {
        var raw = stackalloc byte[ScryptScalar.ScratchBytes + Alignment];
        var v = (byte*)(((nuint)raw + Alignment - 1) & ~(nuint)(Alignment - 1));
        Span<byte> pads = stackalloc byte[ScryptPbkdf2.PadsSize];
        Span<byte> b = stackalloc byte[BlockBytes];
        var x = stackalloc uint[ScryptLayout.Words];

        ScryptPbkdf2.InitPads(header, pads);
        ScryptPbkdf2.Derive(pads, header, b);
        ScryptLayout.FromBytes(b, x);
        ScryptScalar.Romix(x, v);

        ScryptLayout.ToBytes(x, b);
        ScryptPbkdf2.Derive(pads, b, output);
    }

    /// <summary>Runs a multi-lane path over <paramref name="count"/> headers; a short last group repeats its last header.</summary>
    private static void HashGroups(ReadOnlySpan<byte> headers, Span<byte> outputs, int count, ScryptPath path)
    {
        const int maxLanes = 8;
        var lanes = LanesOf(path);
        Span<byte> pads = stackalloc byte[maxLanes * ScryptPbkdf2.PadsSize];
        Span<byte> b = stackalloc byte[BlockBytes];
        var x = stackalloc uint[maxLanes * ScryptLayout.Words];
        var v = (byte*)NativeMemory.AlignedAlloc((nuint)(lanes * N * BlockBytes), Alignment);
        try
        {
            for (var start = 0; start < count; start += lanes)
            {
                var used = Math.Min(lanes, count - start);
                for (var lane = 0; lane < lanes; lane++)
                {
                    var laneX = x + (lane * ScryptLayout.Words);
                    if (lane >= used)
                    {
                        Unsafe.CopyBlock(laneX, laneX - ScryptLayout.Words, BlockBytes);
                        continue;
                    }

                    var lanePads = pads.Slice(lane * ScryptPbkdf2.PadsSize, ScryptPbkdf2.PadsSize);
                    var header = headers.Slice((start + lane) * HeaderSize, HeaderSize);
                    ScryptPbkdf2.InitPads(header, lanePads);
                    ScryptPbkdf2.Derive(lanePads, header, b);
                    ScryptLayout.FromBytes(b, laneX);
                }

                switch (path)
                {
                    case ScryptPath.Vector512x2:
                        ScryptVector512x2.Romix(x, v);
                        break;
                    case ScryptPath.Vector256x2:
                        ScryptVector256x2.Romix(x, v);
                        break;
                    default:
                        ScryptVector128x4.Romix(x, v);
                        break;
                }

                for (var lane = 0; lane < used; lane++)
                {
                    ScryptLayout.ToBytes(x + (lane * ScryptLayout.Words), b);
                    ScryptPbkdf2.Derive(pads.Slice(lane * ScryptPbkdf2.PadsSize, ScryptPbkdf2.PadsSize), b, outputs.Slice((start + lane) * HashSize, HashSize));
                }
            }
        }
        finally
        {
            NativeMemory.AlignedFree(v);
        }
    }

    private static void CheckSingle(ReadOnlySpan<byte> header80, Span<byte> output32)
    {
        if (header80.Length != HeaderSize || output32.Length != HashSize)
        {
            throw new ArgumentException("Hash needs an 80-byte header and a 32-byte output.");
        }
    }

    private static void CheckBatch(ReadOnlySpan<byte> headers, Span<byte> outputs)
    {
        if (headers.Length % HeaderSize != 0 || outputs.Length != headers.Length / HeaderSize * HashSize)
        {
            throw new ArgumentException("HashBatch needs n * 80 header bytes and n * 32 output bytes.");
        }
    }

    private static void CheckPath(ScryptPath path)
    {
        if (!IsSupported(path))
        {
            throw new PlatformNotSupportedException($"scrypt path {path} is not supported on this CPU.");
        }
    }
}
