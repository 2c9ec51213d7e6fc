using System.Globalization;

namespace Faithcoin.Node.Hosting;

/// <summary>
/// The pid file (-pid, default faithcoin.pid in the chain's folder) written at start on Unix, as the
/// original's CreatePidFile, and removed at exit.
/// </summary>
public sealed class PidFile : IDisposable
{
    private readonly string? path;

    private PidFile(string? path) => this.path = path;

    public static PidFile Create(string path, int processId)
    {
        if (OperatingSystem.IsWindows())
        {
            return new PidFile(null);
        }

        File.WriteAllText(path, processId.ToString(CultureInfo.InvariantCulture) + "\n");
        return new PidFile(path);
    }

    public void Dispose()
    {
        if (path is null)
        {
            return;
        }

        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Leaving a stale pid file behind must not turn a clean shutdown into a failure.
        }
    }
}
