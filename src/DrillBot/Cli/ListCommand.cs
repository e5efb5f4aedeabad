using System.CommandLine;
using System.Globalization;
using DrillBot.Drills.Scheduling;
using Spectre.Console;

namespace DrillBot.Cli;

/// <summary><c>drillbot list [--config F]</c>: drills, schedules and next fire times (in each drill's time zone; one inside a blackout marked), blackouts.</summary>
internal static class ListCommand
{
    public static Command Create()
    {
        var config = ConfigOption.Create();
        var command = new Command("list", "List the drills, their schedules and next fire times.") { config };
        command.SetAction(parse => Run(parse.GetValue(config)!));
        return command;
    }

    public static int Run(string configPath)
    {
        var env = CliEnvironment.Get();
        var config = ConfigOption.Load(env, configPath);
        if (config is null)
        {
            return ExitCodes.InvalidInput;
        }

        var now = TimeProvider.System.GetUtcNow();
        var table = new Table().Border(TableBorder.Rounded).AddColumns("drill", "steps", "schedule", "next fire times");
        foreach (var drill in config.Drills)
        {
            var next = DrillSchedule.NextFireTimes(drill, now, 3);
            var fires = next.Count == 0 ? "on demand" : string.Join("\n", next.Select(t => t.ToString("ddd yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + InBlackout(config, t)));
            var schedule = drill.Schedule is null ? "-" : $"{drill.Schedule}\n({drill.TimeZone.Id})";
            table.AddRow(Markup.Escape(drill.Name), Markup.Escape(string.Join(" → ", drill.Steps.Select(s => s.Kind + (s.Fault ? "*" : string.Empty)))), Markup.Escape(schedule), Markup.Escape(fires));
        }

        env.Out.Write(table);
        env.Out.MarkupLine("[grey]* the fault step (t0); (blackout NAME): a fire refused and counted as skipped[/]");
        foreach (var b in config.Blackouts)
        {
            var active = ActiveBlackout.At([b], now) is not null;
            env.Out.MarkupLine(Markup.Escape($"blackout {b.Name}: {b.Cron} ({b.TimeZone.Id}){(active ? "  ACTIVE NOW" : string.Empty)}"));
        }

        return ExitCodes.Passed;
    }

    /// <summary>A fire time inside a blackout is shown (it fires, is refused and counted as skipped), marked with the blackout.</summary>
    private static string InBlackout(Drills.Definitions.DrillsConfig config, DateTimeOffset fire) =>
        ActiveBlackout.At(config.Blackouts, fire) is { } blackout ? $" (blackout {blackout.Window.Name})" : string.Empty;
}
