using System.CommandLine;
using DrillBot.Terminal;

namespace DrillBot.Cli;

/// <summary><c>drillbot run NAME [--config F] [--report-json F] [--junit F] [--html F] [--samples-file F] [--dry-run] [--override-blackout REASON] [--control]</c>.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("name") { Description = "the drill to run" };
        var config = ConfigOption.Create();
        var json = new Option<string?>("--report-json") { Description = "write the report JSON here" };
        var junit = new Option<string?>("--junit") { Description = "write JUnit XML here (one testcase per check)" };
        var html = new Option<string?>("--html") { Description = "write the self-contained HTML report here" };
        var samples = new Option<string?>("--samples-file") { Description = "write every probe sample here (CSV; gzip when the name ends in .gz); the report's timeline names it" };
        var dryRun = new Option<bool>("--dry-run") { Description = "print the plan (each change with before/after and its restore) and change nothing" };
        var overrideBlackout = new Option<string?>("--override-blackout") { Description = "run even inside a blackout; the reason is recorded in the report", HelpName = "REASON" };
        var control = new Option<bool>("--control") { Description = "first run the fault without the remediation (a control run: the drill's control:, else recovery.within + stableFor or observeFor), restore, then the real drill" };
        var command = new Command("run", "Run one drill now, with live progress.") { name, config, json, junit, html, samples, dryRun, overrideBlackout, control };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(name)!, parse.GetValue(config)!, new ReportPaths(parse.GetValue(json), parse.GetValue(junit), parse.GetValue(html)) { Samples = parse.GetValue(samples) }, parse.GetValue(dryRun), ct, parse.GetResult(overrideBlackout) is null ? null : parse.GetValue(overrideBlackout) ?? string.Empty, parse.GetValue(control)));
        return command;
    }

    public static async Task<int> RunAsync(string name, string configPath, ReportPaths paths, bool dryRun, CancellationToken cancellationToken, string? overrideBlackout = null, bool control = false)
    {
        var env = CliEnvironment.Get();
        if (overrideBlackout is not null && string.IsNullOrWhiteSpace(overrideBlackout))
        {
            env.Fail("--override-blackout needs a reason (it is recorded in the report), e.g. --override-blackout \"hotfix verification, approved by on-call\"");
            return ExitCodes.InvalidInput;
        }

        var config = ConfigOption.Load(env, configPath);
        if (config is null)
        {
            return ExitCodes.InvalidInput;
        }

        if (config.FindDrill(name) is not { } drill)
        {
            env.Fail($"unknown drill '{name}' in {configPath} (drills: {string.Join(", ", config.Drills.Select(d => d.Name))})");
            return ExitCodes.InvalidInput;
        }

        if (control && drill.Control is null)
        {
            var added = Drills.Definitions.ControlDefinition.DefaultFor(drill);
            if (added.ProblemWith(drill) is { } problem)
            {
                env.Fail($"--control: drill '{name}' cannot have a control run: {problem}");
                return ExitCodes.InvalidInput;
            }

            drill = drill with { Control = added };
        }

        using var factory = new EngineFactory(env, EngineFactory.StateDirectory(env), cancellationToken);
        try
        {
            if (dryRun)
            {
                var plan = await factory.Engine.PlanAsync(config, drill, cancellationToken).ConfigureAwait(false);
                PlanPrinter.Write(env.Out, plan);
                return plan.CanRun ? ExitCodes.Passed : ExitCodes.Errored;
            }

            return await RunSession.ExecuteAsync(env, factory.Engine, config, drill, paths, cancellationToken, overrideBlackout).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            factory.DebugLog.Write("run failed", e);
            env.Fail($"{e.Message} (details in {factory.DebugLog.Path})");
            return ExitCodes.Errored;
        }
    }
}
