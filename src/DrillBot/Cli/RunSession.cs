using DrillBot.Drills.Definitions;
using DrillBot.Drills.Running;
using DrillBot.Terminal;
using Spectre.Console;

namespace DrillBot.Cli;

/// <summary>Runs one drill with live progress; Ctrl-C/SIGTERM abort it and wait for its restore; prints and writes the report.</summary>
internal static class RunSession
{
    public static async Task<int> ExecuteAsync(CliEnvironment env, DrillEngine engine, DrillsConfig config, DrillDefinition drill, ReportPaths paths, CancellationToken cancellationToken, string? overrideBlackout = null)
    {
        var progress = new LiveProgress(env.Out, TimeProvider.System);
        var trigger = new RunTrigger(TriggerKind.Cli, $"{Environment.UserName}@{Environment.MachineName}") { OverrideBlackoutReason = overrideBlackout };
        var run = engine.Start(config, drill, trigger, [progress]);
        env.Out.MarkupLine($"run [bold]{Markup.Escape(run.RunId)}[/]: drill [bold]{Markup.Escape(drill.Name)}[/] (Ctrl-C aborts and restores)");
        await using (cancellationToken.Register(() => run.Abort("Ctrl-C/SIGTERM")).ConfigureAwait(false))
        {
            await progress.ShowUntilAsync(run.Completion).ConfigureAwait(false);
        }

        var report = await run.Completion.ConfigureAwait(false);
        if (report.Trigger.OverrideBlackout is { } o)
        {
            env.Out.MarkupLine($"[yellow]blackout {Markup.Escape(o.Blackout)} overridden by {Markup.Escape(o.By)}: {Markup.Escape(o.Reason)}[/]");
        }

        ReportSummary.Write(env.Out, report);
        var written = ReportFiles.Write(env, report, paths.Json, paths.JUnit, paths.Html, paths.Samples);
        var code = ExitCodeOf.Report(report);
        return code == ExitCodes.Passed && !written ? ExitCodes.InvalidInput : code;
    }
}

/// <summary>Where to write the report files (null = not asked for).</summary>
internal sealed record ReportPaths(string? Json, string? JUnit, string? Html)
{
    /// <summary>Every probe sample as CSV (<c>--samples-file</c>).</summary>
    public string? Samples { get; init; }
}
