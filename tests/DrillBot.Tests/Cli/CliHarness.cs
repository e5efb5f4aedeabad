using System.Text.RegularExpressions;
using DrillBot.Cli;
using DrillBot.Lab;
using Spectre.Console;

namespace DrillBot.Tests.Cli;

/// <summary>Runs the real command entry point with captured output, a temp working directory and a fake environment (optionally a Lab).</summary>
internal sealed class CliHarness : IAsyncDisposable
{
    private readonly LockedWriter _out = new();
    private readonly LockedWriter _err = new();

    private CliHarness(LabHost? lab, string dir)
    {
        Lab = lab;
        Directory = dir;
    }

    public LabHost? Lab { get; }

    /// <summary>Run the CLI as this topology identity (its kubeconfig) instead of the Lab's admin.</summary>
    public string? Identity { get; set; }
    public string Directory { get; }
    public string Out => _out.ToString();
    public string Error => _err.ToString();

    public static async Task<CliHarness> StartAsync(bool withLab = true, LabTopology? topology = null)
    {
        var dir = System.IO.Directory.CreateTempSubdirectory("drillbot-cli-").FullName;
        LabHost? lab = null;
        if (withLab)
        {
            lab = await LabHost.StartAsync(LabTimings.Quick(topology));
        }

        var harness = new CliHarness(lab, dir);
        await File.WriteAllTextAsync(Path.Combine(dir, "drills.yaml"), FastDrills());
        return harness;
    }

    /// <summary>The repository's drills.yaml with test timings and no blackouts.</summary>
    public static string FastDrills()
    {
        var yaml = File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "drills.yaml"));
        yaml = Regex.Replace(yaml, @"(?m)^  - \{ name: .*cron.*\}\s*$\n", string.Empty);
        return yaml.Replace("interval: 100ms", "interval: 25ms", StringComparison.Ordinal)
            .Replace("duration: 3s", "duration: 500ms", StringComparison.Ordinal)
            .Replace("stableFor: 5s", "stableFor: 500ms", StringComparison.Ordinal)
            .Replace("observeFor: 45s", "observeFor: 3s", StringComparison.Ordinal)
            .Replace("observeFor: 110s", "observeFor: 4s", StringComparison.Ordinal)
            .Replace("verifyWithin: 60s", "verifyWithin: 5s", StringComparison.Ordinal)
            .Replace("for: 20s", "for: 2s", StringComparison.Ordinal)
            .Replace("for: 10s", "for: 2s", StringComparison.Ordinal)
            .Replace("minSamples: 1000", "minSamples: 100", StringComparison.Ordinal)
            .Replace("wait: 2s", "wait: 300ms", StringComparison.Ordinal)
            .Replace("wait: 10s", "wait: 2500ms", StringComparison.Ordinal)
            .Replace("wait: 1s", "wait: 300ms", StringComparison.Ordinal);
    }

    public string Path2(string name) => Path.Combine(Directory, name);

    public async Task<int> RunAsync(params string[] args) => await RunWithTokenAsync(_ => CliApp.RunAsync(args), CancellationToken.None);

    /// <summary>Runs <paramref name="command"/> with the captured console and environment (a command's own entry point, with a token).</summary>
    public async Task<int> RunWithTokenAsync(Func<CancellationToken, Task<int>> command, CancellationToken cancellationToken)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(_out),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        var env = new CliEnvironment { Out = console, Error = _err, Variables = Variable, WorkingDirectory = Directory };
        using (CliEnvironment.Use(env))
        {
            return await command(cancellationToken);
        }
    }

    private string? Variable(string name) => name switch
    {
        "KUBECONFIG" => Identity is null ? Lab?.KubeconfigPath : Lab!.KubeconfigFor(Identity),
        "PRODUCTPAGE_URL" or "PRODUCTPAGE_URL_CN_SHANGHAI" => Lab?.Variables.GetValueOrDefault(name) ?? "http://127.0.0.1:9/productpage",
        _ => null,
    };

    public string? State(string context, string kind, string name)
    {
        var json = Lab!.GetObjectJson(context, kind, "default", name);
        if (json is null)
        {
            return null;
        }

        var obj = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
        obj["metadata"]!.AsObject().Remove("resourceVersion");
        obj["metadata"]!.AsObject().Remove("generation");
        obj["metadata"]!.AsObject().Remove("managedFields");
        obj.Remove("status");
        return obj.ToJsonString();
    }

    public (string?, string?, string?) Snapshot() =>
        (State("ack-hangzhou", "Deployment", "reviews-v1"), State("asm", "DestinationRule", "reviews"), State("asm", "VirtualService", "reviews"));

    public async ValueTask DisposeAsync()
    {
        if (Lab is not null)
        {
            await Lab.DisposeAsync();
        }

        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
