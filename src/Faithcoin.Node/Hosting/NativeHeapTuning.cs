using System.Runtime.InteropServices;

namespace Faithcoin.Node.Hosting;

/// <summary>
/// Keeps glibc's malloc from holding memory the node no longer uses. First, it caps the malloc arenas: glibc gives
/// a thread that finds the heap locked an arena of its own, up to eight per CPU of the host (a container's CPU
/// limit does not count), and memory freed into an arena mostly stays in the process. RocksDB's flush and compaction threads and the pool threads that run OpenSSL and
/// libsecp256k1 each end up with one, which on a fixture sync came to about 14 MiB of peak RSS. Two arenas keep the
/// sync's speed (tests/Faithcoin.Benchmarks/sync-fixture.sh: peak RSS 154 to 140 MiB, MALLOC_ARENA_MAX=2).
/// Second, <see cref="ReleaseFreeMemory"/> hands free pages inside the heaps back to the kernel, which glibc itself
/// does only for free memory at a heap's top; <see cref="NativeHeapTrimmer"/> calls it periodically.
/// </summary>
public static class NativeHeapTuning
{
    /// <summary>Arenas the node runs with unless MALLOC_ARENA_MAX says otherwise.</summary>
    public const int DefaultArenas = 2;

    private const int MArenaMax = -8; // M_ARENA_MAX in glibc's malloc.h

    /// <summary>
    /// Applies the cap through <c>mallopt</c>. Must run before the process starts its worker threads. Does nothing
    /// and returns false off Linux, without glibc (musl has no arenas) or when the operator set MALLOC_ARENA_MAX,
    /// which glibc has then already applied.
    /// </summary>
    public static bool LimitMallocArenas(int arenas = DefaultArenas)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(arenas, 1);
        if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable("MALLOC_ARENA_MAX") is not null)
        {
            return false;
        }

        try
        {
            return Mallopt(MArenaMax, arenas) == 1;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    /// <summary>
    /// Returns free pages of every arena to the kernel (<c>malloc_trim</c>, which since glibc 2.8 also releases
    /// whole free pages inside the heap, not only at its top). Returns whether memory was released; false without
    /// glibc.
    /// </summary>
    public static bool ReleaseFreeMemory()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            return MallocTrim(0) == 1;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    /// <summary>Whether this process runs on glibc, whose heaps <see cref="ReleaseFreeMemory"/> can trim.</summary>
    public static bool CanReleaseFreeMemory()
    {
        if (!OperatingSystem.IsLinux() || !NativeLibrary.TryLoad("libc.so.6", out var libc))
        {
            return false;
        }

        try
        {
            return NativeLibrary.TryGetExport(libc, "malloc_trim", out _);
        }
        finally
        {
            NativeLibrary.Free(libc);
        }
    }

    // DllImport, not LibraryImport: the call is blittable and runs once, and the generator would need unsafe code here.
    [DllImport("libc.so.6", EntryPoint = "mallopt", ExactSpelling = true)]
    private static extern int Mallopt(int parameter, int value);

    [DllImport("libc.so.6", EntryPoint = "malloc_trim", ExactSpelling = true)]
    private static extern int MallocTrim(nuint pad);
}
