using Faithcoin.Node.Configuration;

namespace Faithcoin.Node.Hosting;

/// <summary>
/// An exclusive lock on the chain folder's .lock file for the life of the process (LockDataDirectory), so two
/// daemons never share one data directory.
/// </summary>
public sealed class DataDirectoryLock : IDisposable
{
    private readonly FileStream stream;

    private DataDirectoryLock(FileStream stream) => this.stream = stream;

    public static DataDirectoryLock Acquire(DataDirectory dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(dataDirectory);
        var path = Path.Combine(dataDirectory.ChainPath, NodeDefaults.LockFileName);
        try
        {
            return new DataDirectoryLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException)
        {
            throw new ConfigurationException(
                $"Cannot obtain a lock on data directory {dataDirectory.ChainPath}. {ClientVersion.PackageName} is probably already running.");
        }
    }

    public void Dispose() => stream.Dispose();
}
