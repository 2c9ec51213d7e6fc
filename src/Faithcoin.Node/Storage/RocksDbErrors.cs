using RocksDbSharp;

namespace Faithcoin.Node.Storage;

/// <summary>
/// Sorts RocksDB's errors into damaged data (the operator must -reindex) and everything else (a held lock, a full
/// disk, permissions), which -reindex would not fix and must not be advised for.
/// </summary>
public static class RocksDbErrors
{
    public static StorageException Translate(string path, RocksDbException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var message = error.Message;
        if (message.Contains("lock", StringComparison.OrdinalIgnoreCase) && message.StartsWith("IO error", StringComparison.Ordinal))
        {
            return new StorageException(
                $"Cannot lock the chain state database {path}: another faithcoind is probably using this data directory ({message}).",
                error);
        }

        if (IsDamage(message))
        {
            return new StorageCorruptionException(path, $"RocksDB reports \"{message}\"", error);
        }

        return new StorageException($"The chain state database {path} failed: {message}", error);
    }

    private static bool IsDamage(string message) =>
        message.StartsWith("Corruption", StringComparison.Ordinal) ||
        message.StartsWith("Invalid argument", StringComparison.Ordinal) ||
        (message.StartsWith("IO error", StringComparison.Ordinal) && message.Contains("No such file", StringComparison.Ordinal));
}
