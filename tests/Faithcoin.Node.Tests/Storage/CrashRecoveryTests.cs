using System.Diagnostics;
using Faithcoin.Node.Storage;
using Xunit;
using Xunit.Abstractions;

namespace Faithcoin.Node.Tests.Storage;

/// <summary>
/// A real process writes through the storage classes and is killed with SIGKILL at an arbitrary moment, several times
/// over; after each kill the data must open on a consistent tip at or past the last acknowledged commit.
/// </summary>
public sealed class CrashRecoveryTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task StorageRecoversAConsistentTipAfterEverySigkill()
    {
        var random = new Random(2024);
        var lastAcknowledged = 0;
        for (var round = 0; round < 4; round++)
        {
            lastAcknowledged = await RunAndKill(lastAcknowledged + 20 + random.Next(0, 200));

            // Acknowledged means committed; the one block after it may have committed without its line being written.
            var recovered = VerifyConsistent(lastAcknowledged);
            output.WriteLine($"round {round}: acknowledged {lastAcknowledged}, recovered {recovered}");
            Assert.InRange(recovered, lastAcknowledged, lastAcknowledged + 1);
            lastAcknowledged = recovered;
        }
    }

    public void Dispose() => _temp.Dispose();

    /// <summary>
    /// Starts the writer, kills it once it acknowledged <paramref name="killAfter"/>, and returns the last height it
    /// acknowledged before dying (read to the end of its output: it runs ahead of this reader).
    /// </summary>
    private async Task<int> RunAndKill(int killAfter)
    {
        var testAssembly = typeof(CrashRecoveryTests).Assembly.Location;
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(testAssembly);
        start.Environment["DOTNET_STARTUP_HOOKS"] = testAssembly;
        start.Environment[CrashWriter.DirectoryVariable] = _temp.Path;

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var lastAcknowledged = 0;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                if (line.StartsWith("committed ", StringComparison.Ordinal))
                {
                    lastAcknowledged = int.Parse(line.AsSpan(10), provider: null);
                    if (lastAcknowledged >= killAfter && !process.HasExited)
                    {
                        // Process.Kill is SIGKILL on Linux: no finalizers, no disposal, the writer is mid-way through a block.
                        process.Kill();
                    }
                }
            }
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
            }

            await process.WaitForExitAsync(CancellationToken.None);
        }

        Assert.True(lastAcknowledged >= killAfter, $"The writer stopped at {lastAcknowledged}: {await stderr}");
        return lastAcknowledged;
    }

    private int VerifyConsistent(int lastAcknowledged)
    {
        using var db = ChainStateDatabase.Open(new ChainStateOptions(_temp.Combine("chainstate")));
        var best = db.GetBestBlock();
        Assert.NotNull(best);
        Assert.Null(db.GetHeadBlocks());
        var tip = db.GetBlockIndex(best);
        Assert.NotNull(tip);
        var height = tip.Height;
        Assert.True(height >= lastAcknowledged, $"Recovered {height}, but {lastAcknowledged} was acknowledged.");

        // The coins are exactly the tip's: no half-applied block.
        Assert.Equal(SyntheticChain.Coins(height).Select(c => c.Key.ToString()).Order(), db.ReadCoins().Select(c => c.Key.ToString()).Order());
        Assert.Null(db.GetBlockIndex(SyntheticChain.Hash(height + 1)));
        Assert.Null(db.GetUndo(SyntheticChain.Hash(height + 1)));

        using var blocks = new BlockFileStore(
            new BlockFileStoreOptions(_temp.Combine("blocks"), SyntheticChain.RegtestMessageStart) { MaxFileSize = 256 * 1024 },
            db.GetBlockFileCursor());
        for (var h = 1; h <= height; h++)
        {
            var record = db.GetBlockIndex(SyntheticChain.Hash(h));
            Assert.NotNull(record);
            Assert.Equal(SyntheticChain.Block(h), blocks.Read(record.Data!.Value));
            Assert.Equal(SyntheticChain.Undo(h), db.GetUndo(SyntheticChain.Hash(h)));
        }

        return height;
    }
}
