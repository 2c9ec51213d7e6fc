using System.Globalization;

namespace Faithcoin.Node.Tests.Metrics;

/// <summary>
/// The TCP ports a process listens on, read from Linux's /proc: the socket inodes among the process's open files,
/// matched against the LISTEN entries of /proc/net/tcp and tcp6.
/// </summary>
public static class ListeningPorts
{
    private const string ListenState = "0A";

    public static IReadOnlySet<int> Of(int processId)
    {
        var inodes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var fd in Directory.EnumerateFiles($"/proc/{processId}/fd"))
        {
            var target = new FileInfo(fd).LinkTarget;
            if (target is not null && target.StartsWith("socket:[", StringComparison.Ordinal))
            {
                inodes.Add(target["socket:[".Length..^1]);
            }
        }

        var ports = new HashSet<int>();
        foreach (var table in new[] { "tcp", "tcp6" })
        {
            foreach (var line in File.ReadAllLines($"/proc/{processId}/net/{table}").Skip(1))
            {
                var columns = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (columns.Length > 9 && columns[3] == ListenState && inodes.Contains(columns[9]))
                {
                    var local = columns[1];
                    ports.Add(int.Parse(local[(local.IndexOf(':', StringComparison.Ordinal) + 1)..], NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                }
            }
        }

        return ports;
    }

    /// <summary>Waits until <paramref name="port"/> is among the process's listeners (the P2P listener starts after RPC is ready).</summary>
    public static async Task<IReadOnlySet<int>> WaitForAsync(int processId, int port, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var ports = Of(processId);
            if (ports.Contains(port) || DateTime.UtcNow > deadline)
            {
                return ports;
            }

            await Task.Delay(50);
        }
    }
}
