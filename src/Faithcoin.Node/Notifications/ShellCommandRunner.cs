using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Faithcoin.Node.Notifications;

/// <summary>
/// 0.15's runCommand on a free-running thread: "/bin/sh -c command", with a non-zero exit logged as
/// "runCommand error: system(...) returned N". The caller never waits for the command.
/// </summary>
public sealed partial class ShellCommandRunner(ILogger<ShellCommandRunner> logger)
{
    public void RunDetached(string command)
    {
        ArgumentNullException.ThrowIfNull(command);
        _ = Task.Run(async () =>
        {
            try
            {
                var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
                start.ArgumentList.Add("-c");
                start.ArgumentList.Add(command);
                using var process = Process.Start(start)!;
                await process.WaitForExitAsync().ConfigureAwait(false);
                if (process.ExitCode != 0)
                {
                    LogFailed(logger, command, process.ExitCode);
                }
            }
            catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
            {
                LogFailed(logger, command, -1);
            }
        });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "runCommand error: system({Command}) returned {Code}")]
    private static partial void LogFailed(ILogger logger, string command, int code);
}
