using System.Runtime.InteropServices;
using Faithcoin.Node.Hosting;
using Faithcoin.Node.Tests.EndToEnd;

namespace Faithcoin.Node.Tests.Hosting;

// glibc Linux only, as CI. In the non-parallel collection: the trim test reads the process's resident memory,
// which other tests move.
[Collection(DaemonCollection.Name)]
public sealed class NativeHeapTuningTests
{
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
        Assert.True(NativeHeapTuning.CanReleaseFreeMemory());
        using var freed = FragmentedHeap.Make();
        var residentBefore = ResidentAnonymousKiB();
        Assert.True(NativeHeapTuning.ReleaseFreeMemory());
        var released = residentBefore - ResidentAnonymousKiB();
        Assert.True(released >= FragmentedHeap.Bytes / 1024 / 2, $"released {released} KiB of {FragmentedHeap.Bytes / 1024} KiB freed");
    }

    [Fact]
    public async Task TheTrimmerHandsFreedPagesBackOnItsOwn()
    {
        await using var trimmer = new NativeHeapTrimmer(TimeProvider.System) { Period = TimeSpan.FromMilliseconds(100) };
        await trimmer.StartAsync(CancellationToken.None);
        using var freed = FragmentedHeap.Make();
        var residentBefore = ResidentAnonymousKiB();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        long released;
        while ((released = residentBefore - ResidentAnonymousKiB()) < FragmentedHeap.Bytes / 1024 / 2)
        {
            Assert.True(DateTime.UtcNow < deadline, $"released {released} KiB of {FragmentedHeap.Bytes / 1024} KiB freed");
            await Task.Delay(50);
        }

        await trimmer.StopAsync(CancellationToken.None);
    }

    private static long ResidentAnonymousKiB() =>
        long.Parse(File.ReadLines("/proc/self/status").First(l => l.StartsWith("RssAnon:", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);

    /// <summary>
    /// 32 MiB of written (resident) heap blocks, freed, under one live block: the heap cannot shrink from its top, as
    /// after a burst of native work in a busy process. Disposing frees the live block.
    /// </summary>
    private sealed class FragmentedHeap : IDisposable
    {
        public const int Bytes = Blocks * BlockBytes;
        private const int BlockBytes = 16 * 1024; // under glibc's mmap threshold, so the blocks come from an arena
        private const int Blocks = 2048;
        private readonly nint _pin;

        private FragmentedHeap(nint pin) => _pin = pin;

        public static FragmentedHeap Make()
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

            // Same size as the others, so it comes from the top of the heap rather than from a free list.
            var pin = Marshal.AllocHGlobal(BlockBytes);
            foreach (var block in blocks)
            {
                Marshal.FreeHGlobal(block);
            }

            return new FragmentedHeap(pin);
        }

        public void Dispose() => Marshal.FreeHGlobal(_pin);
    }
}
