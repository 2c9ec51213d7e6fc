using Faithcoin.Node.Storage;

namespace Faithcoin.Node.Tests.Storage;

/// <summary>
/// The body of the child process that <see cref="CrashRecoveryTests"/> kills with SIGKILL: it connects synthetic
/// blocks one after another exactly as the chain manager will (block appended, then one batch with index entry, coins,
/// undo, cursor and best block), and prints each height once its commit has returned.
/// </summary>
internal static class CrashWriter
{
    public const string DirectoryVariable = "FAITHCOIN_STORAGE_CRASH_WRITER";

    public static void Run(string directory)
    {
        using var db = ChainStateDatabase.Open(new ChainStateOptions(Path.Combine(directory, "chainstate")) { CoinsWriteBufferBytes = 256 * 1024 });
        using var blocks = new BlockFileStore(
            new BlockFileStoreOptions(Path.Combine(directory, "blocks"), SyntheticChain.RegtestMessageStart) { MaxFileSize = 256 * 1024 },
            db.GetBlockFileCursor());
        var best = db.GetBestBlock();
        var height = best is null ? 1 : db.GetBlockIndex(best)!.Height + 1;
        Console.WriteLine($"start {height}");
        for (; ; height++)
        {
            var position = blocks.Append(SyntheticChain.Block(height));
            using var batch = db.CreateBatch();
            SyntheticChain.ConnectBlock(batch, height, position, blocks.Cursor);

            // Every tenth block is made power-safe the way the chain manager will: block files first, then a synced commit.
            var durable = height % 10 == 0;
            if (durable)
            {
                blocks.Flush();
            }

            db.Commit(batch, durable ? WriteDurability.SurvivesPowerLoss : WriteDurability.SurvivesProcessCrash);
            Console.WriteLine($"committed {height}");
        }
    }
}
