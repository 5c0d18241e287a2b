namespace ApprovalWorkflow.Infra.Tests;

/// <summary>The repository root: the first folder at or above the test assembly that holds ApprovalWorkflow.sln.</summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(Find);

    public static string Path => Root.Value;

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "ApprovalWorkflow.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException(
            $"No ApprovalWorkflow.sln in {AppContext.BaseDirectory} or any folder above it.");
    }
}
