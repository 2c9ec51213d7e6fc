namespace Faithcoin.Node.Storage;

/// <summary>
/// Checks made before RocksDB sees the folder. RocksDB treats a folder without a CURRENT file as a new database,
/// so a folder that lost CURRENT but still has table files would silently come back empty; that is damage.
/// </summary>
internal static class ChainStateDirectory
{
    /// <summary>Returns true when a database already exists at <paramref name="path"/>, false when one will be created.</summary>
    public static bool EnsureUsable(string path, bool createIfMissing)
    {
        if (!Directory.Exists(path))
        {
            if (!createIfMissing)
            {
                throw new StorageException($"The chain state database {path} does not exist.");
            }

            Directory.CreateDirectory(path);
            return false;
        }

        if (File.Exists(System.IO.Path.Combine(path, "CURRENT")))
        {
            return true;
        }

        var leftovers = Directory.EnumerateFiles(path, "*.sst").Concat(Directory.EnumerateFiles(path, "MANIFEST-*")).FirstOrDefault();
        if (leftovers is not null)
        {
            throw new StorageCorruptionException(path, $"the CURRENT file is missing but {System.IO.Path.GetFileName(leftovers)} is there");
        }

        if (!createIfMissing)
        {
            throw new StorageException($"The chain state database {path} does not exist.");
        }

        return false;
    }
}
