namespace Faithcoin.Node.Storage;

/// <summary>Storage could not be used for a reason other than damaged data (held lock, permissions, disk full).</summary>
public class StorageException : Exception
{
    public StorageException(string message)
        : base(message)
    {
    }

    public StorageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
