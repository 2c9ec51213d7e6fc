using System.Diagnostics;

namespace Faithcoin.Node.Hosting;

/// <summary>
/// -daemon. 0.15 calls daemon(3) (fork, setsid, standard streams to /dev/null); .NET cannot fork, so the
/// process starts itself again with the same arguments plus "-daemon=0" (the last command-line value wins over
/// the command line and faithcoin.conf alike, so the copy does not detach again), through /bin/sh in the
/// background, in a new session when setsid exists, with its standard streams on /dev/null. The caller exits 0
/// once the copy is started; the copy writes the pid file and is the node.
/// </summary>
public static class Daemonizer
{
    /// <summary>What 0.15 prints before detaching ("Litecoin server starting" in the original).</summary>
    public const string StartingMessage = "Faithcoin server starting";

    private const string Script =
        "if command -v setsid >/dev/null 2>&1; then setsid \"$0\" \"$@\" </dev/null >/dev/null 2>&1 & " +
        "else \"$0\" \"$@\" </dev/null >/dev/null 2>&1 & fi";

    public static void StartDetachedCopy(IReadOnlyList<string> argv)
    {
        ArgumentNullException.ThrowIfNull(argv);
        if (OperatingSystem.IsWindows())
        {
            throw new InvalidOperationException("-daemon is not supported on this operating system");
        }

        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(Script);
        foreach (var word in SelfCommand())
        {
            start.ArgumentList.Add(word);
        }

        foreach (var arg in argv)
        {
            start.ArgumentList.Add(arg);
        }

        start.ArgumentList.Add("-daemon=0");
        using var shell = Process.Start(start) ?? throw new InvalidOperationException("Error: daemon() failed: could not start /bin/sh");
        shell.WaitForExit();
        if (shell.ExitCode != 0)
        {
            throw new InvalidOperationException($"Error: daemon() failed: /bin/sh returned {shell.ExitCode}");
        }
    }

    // Run through the dotnet host ("dotnet faithcoind.dll") the copy needs the host and the assembly.
    private static IEnumerable<string> SelfCommand()
    {
        var host = Environment.ProcessPath ?? throw new InvalidOperationException("Error: daemon() failed: unknown executable");
        yield return host;
        if (Path.GetFileNameWithoutExtension(host).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            yield return Environment.GetCommandLineArgs()[0];
        }
    }
}
