using Faithcoin.Node.Tests.Storage;

/// <summary>
/// Lets the test assembly double as the crash writer's program: the runtime calls this before the (empty, generated)
/// Main when DOTNET_STARTUP_HOOKS names this assembly. The runtime requires this exact name outside any namespace.
/// Inside the test host the variable is never set, and the hook is never called.
/// </summary>
internal static class StartupHook
{
    public static void Initialize()
    {
        var directory = Environment.GetEnvironmentVariable(CrashWriter.DirectoryVariable);
        if (directory is not null)
        {
            CrashWriter.Run(directory);
        }
    }
}
