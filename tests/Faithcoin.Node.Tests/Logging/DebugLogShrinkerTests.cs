using Faithcoin.Node.Logging;

namespace Faithcoin.Node.Tests.Logging;

public sealed class DebugLogShrinkerTests : IDisposable
{
    private readonly TempDirectory folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void ALogOver11MegabytesKeepsItsLast10Megabytes()
    {
        var path = folder.Combine("debug.log");
        var content = new byte[11_000_001];
        for (var i = 0; i < content.Length; i++)
        {
            content[i] = (byte)('a' + (i % 26));
        }

        File.WriteAllBytes(path, content);
        Assert.True(DebugLogShrinker.Shrink(path));
        var shrunk = File.ReadAllBytes(path);
        Assert.Equal(10_000_000, shrunk.Length);
        Assert.Equal(content.AsSpan(content.Length - 10_000_000).ToArray(), shrunk);
    }

    [Fact]
    public void ALogOfExactly11MegabytesOrAMissingOneIsLeftAlone()
    {
        var path = folder.Combine("debug.log");
        File.WriteAllBytes(path, new byte[11_000_000]);
        Assert.False(DebugLogShrinker.Shrink(path));
        Assert.Equal(11_000_000, new FileInfo(path).Length);
        Assert.False(DebugLogShrinker.Shrink(folder.Combine("missing.log")));
    }
}
