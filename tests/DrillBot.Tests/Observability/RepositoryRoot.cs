namespace DrillBot.Tests.Observability;

/// <summary>The repository checkout the tests run from (the directory holding DrillBot.sln).</summary>
internal static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(Find);

    public static string Path => Root.Value;

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Root.Value, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "DrillBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"DrillBot.sln not found above {AppContext.BaseDirectory}");
    }
}
