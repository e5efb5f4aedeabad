namespace DrillBot.TestSupport;

/// <summary>The repository checkout the tests or benchmarks run from (the directory holding DrillBot.sln).</summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(Find);

    public static string Path => Root.Value;

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Root.Value, .. parts]);

    private static string Find()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(dir.FullName, "DrillBot.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException($"DrillBot.sln not found above {AppContext.BaseDirectory} or {Environment.CurrentDirectory}");
    }
}
