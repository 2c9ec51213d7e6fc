using System.Diagnostics;

namespace Faithcoin.Node.Tests.Cli;

/// <summary>The real faithcoin-cli (faithcoin-cli.dll, copied next to the tests by the project reference) run to its exit.</summary>
public static class CliProcess
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    public static Task<CliRun> RunAsync(params string[] args) => RunAsync(null, DefaultTimeout, args);

    public static async Task<CliRun> RunAsync(string? stdin, TimeSpan timeout, params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "faithcoin-cli.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
        }

        process.StandardInput.Close();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"faithcoin-cli {string.Join(' ', args)} did not exit within {timeout}");
        }

        return new CliRun(process.ExitCode, await stdout, await stderr);
    }
}
