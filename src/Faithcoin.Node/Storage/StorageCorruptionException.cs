namespace Faithcoin.Node.Storage;

/// <summary>
/// Stored data is damaged or does not match what the chain state records. The node must stop (exit 1) rather than
/// carry on with a silently wrong state; the message names the file and tells the operator how to recover.
/// </summary>
public sealed class StorageCorruptionException : StorageException
{
    public StorageCorruptionException(string path, string problem)
        : base(Format(path, problem))
    {
        Path = path;
        Problem = problem;
    }

    public StorageCorruptionException(string path, string problem, Exception innerException)
        : base(Format(path, problem), innerException)
    {
        Path = path;
        Problem = problem;
    }

    /// <summary>The damaged file or database folder.</summary>
    public string Path { get; }

    public string Problem { get; }

    private static string Format(string path, string problem) =>
        $"Corrupted data in {path}: {problem}. Run with -reindex to rebuild the block index and chain state.";
}
