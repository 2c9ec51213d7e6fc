namespace Faithcoin.Packaging.Tests;

/// <summary>Finds the repository root (the folder holding Faithcoin.sln) from the test's output folder.</summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Faithcoin.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Faithcoin.sln above {AppContext.BaseDirectory}");
    });

    public static string Root => RootPath.Value;

    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);
}
