using System.CommandLine;
using System.Diagnostics;
using DrillBot.Drills.Definitions;
using DrillBot.Lab;
using DrillBot.Scheduling;
using Spectre.Console;

namespace DrillBot.Cli;

/// <summary>
/// <c>drillbot demo [--report-json F]</c>: starts the Lab in-process and runs reviews-failover from the
/// bundled drills.yaml against it, with the documented demo timings (<see cref="DrillOverrides.Demo"/>).
/// </summary>
internal static class DemoCommand
{
    public const string DrillName = "reviews-failover";

    public static Command Create()
    {
        var json = new Option<string?>("--report-json") { Description = "write the report JSON here" };
        var html = new Option<string?>("--html") { Description = "write the HTML report here" };
        var command = new Command("demo", "Start the Lab in-process and run reviews-failover against it.") { json, html };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(json), parse.GetValue(html), ct));
        return command;
    }

    public static async Task<int> RunAsync(string? jsonPath, string? htmlPath, CancellationToken cancellationToken)
    {
        var env = CliEnvironment.Get();
        var clock = Stopwatch.StartNew();
        var state = Directory.CreateTempSubdirectory("drillbot-demo-").FullName;
        try
        {
            await using var lab = await LabHost.StartAsync(LabTopology.Default, new LabHostOptions { Directory = Path.Combine(state, "lab") }, cancellationToken).ConfigureAwait(false);
            env.Out.MarkupLine($"[bold]Lab[/] started (an emulation, not Kubernetes): productpage {lab.ProductpageUrl}, contexts {string.Join(", ", lab.Contexts)}");
            string? Variables(string name) => lab.Variables.TryGetValue(name, out var value) ? value : env.Variables(name);
            var labEnv = new CliEnvironment { Out = env.Out, Error = env.Error, Variables = Variables, WorkingDirectory = state };
            var loaded = DrillsLoader.Parse(BundledDrills.Read(), BundledDrills.Name, QuartzCronParser.Instance, Variables);
            if (loaded.Config?.FindDrill(DrillName) is not { } original)
            {
                foreach (var p in loaded.Problems)
                {
                    env.Error.WriteLine(p.ToString());
                }

                return ExitCodes.InvalidInput;
            }

            var drill = DrillOverrides.Demo.Apply(original);
            env.Out.MarkupLine($"[grey]demo timings: {Markup.Escape(DrillOverrides.Demo.Describe(original))}; blackouts are not applied to the Lab[/]");
            using var factory = new EngineFactory(labEnv, state);
            var code = await RunSession.ExecuteAsync(labEnv, factory.Engine, ForLab(loaded.Config), drill, new ReportPaths(Abs(env, jsonPath), null, Abs(env, htmlPath)), cancellationToken).ConfigureAwait(false);
            env.Out.MarkupLine($"[grey]demo wall time {clock.Elapsed.TotalSeconds:0.0}s[/]");
            return code;
        }
        finally
        {
            try
            {
                Directory.Delete(state, recursive: true);
            }
            catch (IOException)
            {
                // a leftover temp directory is harmless
            }
        }
    }

    private static string? Abs(CliEnvironment env, string? path) => path is null ? null : env.Path(path);

    /// <summary>The configuration demo runs with: the bundled drills without blackouts (the Lab is not production), so demo works at any hour.</summary>
    internal static DrillsConfig ForLab(DrillsConfig bundled) => bundled with { Blackouts = [] };
}
