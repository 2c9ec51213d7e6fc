using System.Runtime.InteropServices;
using Faithcoin.Node.Hosting;
using Faithcoin.Node.Tests.EndToEnd;

namespace Faithcoin.Node.Tests.Hosting;

// glibc Linux only, as CI. In the non-parallel collection: the trim test reads the process's resident memory,
// which other tests move.
[Collection(DaemonCollection.Name)]
public sealed class NativeHeapTuningTests
{
    private const int BlockBytes = 16 * 1024; // under glibc's mmap threshold, so the blocks come from an arena
    private const int Blocks = 2048;          // 32 MiB

    [Fact]
    public void ArenaCapIsAppliedThroughGlibcUnlessTheOperatorSetIt()
    {
        var before = Environment.GetEnvironmentVariable("MALLOC_ARENA_MAX");
        try
        {
            Environment.SetEnvironmentVariable("MALLOC_ARENA_MAX", null);
            Assert.True(NativeHeapTuning.LimitMallocArenas(NativeHeapTuning.DefaultArenas));

            // glibc read the variable itself at start-up; setting it again through mallopt would override the operator.
            Environment.SetEnvironmentVariable("MALLOC_ARENA_MAX", "4");
            Assert.False(NativeHeapTuning.LimitMallocArenas(NativeHeapTuning.DefaultArenas));
        }
        finally
        {
            Environment.SetEnvironmentVariable("MALLOC_ARENA_MAX", before);
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => NativeHeapTuning.LimitMallocArenas(0));
    }

    [Fact]
    public void FreedHeapPagesGoBackToTheKernel()
    {
        // AllocHGlobal is malloc on Linux; each block is written so its pages are resident.
        var filler = new byte[BlockBytes];
        Array.Fill(filler, (byte)0x5a);
        var blocks = new nint[Blocks];
        for (var i = 0; i < Blocks; i++)
        {
            blocks[i] = Marshal.AllocHGlobal(BlockBytes);
            Marshal.Copy(filler, 0, blocks[i], BlockBytes);
        }

        // A live block above the freed ones (same size, so it comes from the top, not from a free list): the heap cannot
        // simply shrink from its top, as after a JIT spike in a busy process.
        var pin = Marshal.AllocHGlobal(BlockBytes);
        try
        {
            foreach (var block in blocks)
            {
                Marshal.FreeHGlobal(block);
            }

            var residentBefore = ResidentAnonymousKiB();
            Assert.True(NativeHeapTuning.ReleaseFreeMemory());
            var released = residentBefore - ResidentAnonymousKiB();
            Assert.True(released >= Blocks * BlockBytes / 1024 / 2, $"released {released} KiB of {Blocks * BlockBytes / 1024} KiB freed");
        }
        finally
        {
            Marshal.FreeHGlobal(pin);
        }
    }

    private static long ResidentAnonymousKiB() =>
        long.Parse(File.ReadLines("/proc/self/status").First(l => l.StartsWith("RssAnon:", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);
}
