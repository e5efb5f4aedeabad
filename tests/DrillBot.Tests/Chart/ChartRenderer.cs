using DrillBot.Tests.Observability;

namespace DrillBot.Tests.Chart;

/// <summary>
/// Renders charts/drillbot with tools/chart-render (our helm-template stand-in). The renderer is
/// built once per test run with the machine's Go in GOPATH mode (Debian's golang-go, sprig and
/// yaml.v3 packages), into a temp directory removed when the run ends.
/// </summary>
internal static class ChartRenderer
{
    public const string ChartPath = "charts/drillbot";

    private static readonly Lazy<Task<string>> Binary = new(BuildAsync);
    private static string? buildDirectory;

    public static string ChartDirectory => RepositoryRoot.Combine("charts", "drillbot");

    /// <summary>Runs the renderer on the chart with these extra arguments (-f, --set, --namespace …).</summary>
    public static async Task<ToolResult> RenderAsync(params string[] arguments)
    {
        var binary = await Binary.Value;
        return await ExternalTool.RunAsync(binary, [ChartPath, .. arguments], timeout: TimeSpan.FromSeconds(30));
    }

    /// <summary>Runs the renderer on another chart directory (the renderer's own tests use fixtures).</summary>
    public static async Task<ToolResult> RenderChartAsync(string chartDirectory, params string[] arguments)
    {
        var binary = await Binary.Value;
        return await ExternalTool.RunAsync(binary, [chartDirectory, .. arguments], timeout: TimeSpan.FromSeconds(30));
    }

    /// <summary>Renders and parses; a failed render fails the test with the renderer's message.</summary>
    public static async Task<ManifestSet> RenderManifestsAsync(params string[] arguments)
    {
        var result = await RenderAsync(arguments);
        Assert.That(result.ExitCode, Is.Zero, $"render failed: {result.Stderr}");
        return ManifestSet.Parse(result.Stdout);
    }

    public static void DeleteBuild()
    {
        if (buildDirectory is not null && Directory.Exists(buildDirectory))
        {
            Directory.Delete(buildDirectory, recursive: true);
        }
    }

    private static async Task<string> BuildAsync()
    {
        var go = ExternalTool.Require("go", "golang-go");
        buildDirectory = Directory.CreateTempSubdirectory("drillbot-chart-render-").FullName;
        var output = Path.Combine(buildDirectory, "chart-render");
        var environment = new Dictionary<string, string>
        {
            ["GO111MODULE"] = "off",
            ["GOPATH"] = "/usr/share/gocode",
            ["GOFLAGS"] = "",
            // a cache shared between runs keeps the build at a few seconds
            ["GOCACHE"] = Path.Combine(Path.GetTempPath(), "drillbot-chart-render-gocache"),
        };
        var result = await ExternalTool.RunAsync(go, ["build", "-o", output, "./tools/chart-render"], environment: environment);
        Assert.That(result.ExitCode, Is.Zero,
            $"building tools/chart-render failed (needs golang-go, golang-github-masterminds-sprig-dev, golang-gopkg-yaml.v3-dev):\n{result.Output}");
        return output;
    }
}
