namespace Faithcoin.Node.Logging;

/// <summary>
/// 0.15's ShrinkDebugFile, run once before logging starts: a debug.log more than 10% over
/// <see cref="RecentHistoryBytes"/> is cut to its last <see cref="RecentHistoryBytes"/> bytes.
/// </summary>
public static class DebugLogShrinker
{
    /// <summary>RECENT_DEBUG_HISTORY_SIZE (decimal megabytes, as in 0.15).</summary>
    public const int RecentHistoryBytes = 10 * 1_000_000;

    /// <summary>Returns whether the file was shrunk.</summary>
    public static bool Shrink(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists || info.Length <= 11L * (RecentHistoryBytes / 10))
        {
            return false;
        }

        var tail = new byte[RecentHistoryBytes];
        int read;
        using (var input = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        {
            input.Seek(-RecentHistoryBytes, SeekOrigin.End);
            read = input.ReadAtLeast(tail, tail.Length, throwOnEndOfStream: false);
        }

        using (var output = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read))
        {
            output.Write(tail, 0, read);
        }

        return true;
    }
}
