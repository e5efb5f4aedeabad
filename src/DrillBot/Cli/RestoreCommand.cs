using System.CommandLine;
using DrillBot.Drills.Restore;
using DrillBot.Drills.Running;
using DrillBot.Store;
using Spectre.Console;

namespace DrillBot.Cli;

/// <summary>
/// <c>drillbot restore [--config F]</c>: finishes the restore of every unfinished run in ./.drillbot/journal,
/// then restores objects still annotated by runs that are neither alive nor journaled. Exit 4 if anything is left.
/// </summary>
internal static class RestoreCommand
{
    public static Command Create()
    {
        var config = ConfigOption.Create();
        var command = new Command("restore", "Finish the restore of any unfinished run found in the journal.") { config };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(config)!, ct));
        return command;
    }

    public static async Task<int> RunAsync(string configPath, CancellationToken cancellationToken)
    {
        var env = CliEnvironment.Get();
        var config = ConfigOption.Load(env, configPath);
        if (config is null)
        {
            return ExitCodes.InvalidInput;
        }

        using var factory = new EngineFactory(env, EngineFactory.StateDirectory(env), cancellationToken);
        try
        {
            var service = factory.Engine.CreateRestoreService(config);
            var runs = await service.RestoreUnfinishedAsync(null, cancellationToken).ConfigureAwait(false);
            var items = new List<RestoreItemResult>();
            foreach (var run in runs)
            {
                env.Out.MarkupLine(Markup.Escape($"run {run.Run.RunId} ({run.Run.Drill}, started {run.Run.StartedAt:u} by {run.Run.Owner}) was interrupted: restore {run.Restore.Status.WireName()}"));
                foreach (var note in run.Notes)
                {
                    env.Out.MarkupLine(Markup.Escape($"  {note}"));
                }
                items.AddRange(run.Restore.Items);
            }

            var known = runs.Select(r => r.Run.RunId).ToList();
            if (await StoreJournalRestore.RunAsync(env, config, factory.Engine, cancellationToken).ConfigureAwait(false) is { } stored)
            {
                foreach (var run in stored.Runs)
                {
                    env.Out.MarkupLine(Markup.Escape($"run {run.Run.RunId} ({run.Run.Drill}, started {run.Run.StartedAt:u} by {run.Run.Owner}, service journal): restore {run.Restore.Status.WireName()}"));
                    items.AddRange(run.Restore.Items);
                    known.Add(run.Run.RunId);
                }

                foreach (var runId in stored.Pending)
                {
                    env.Out.MarkupLine(Markup.Escape($"run {runId} (service journal) is still running on a live instance: left alone"));
                    known.Add(runId);
                }
            }

            var orphans = await service.FindOrphansAsync(known, cancellationToken).ConfigureAwait(false);
            if (orphans.Count > 0)
            {
                var result = await service.RestoreOrphansAsync(orphans, cancellationToken).ConfigureAwait(false);
                env.Out.MarkupLine(Markup.Escape($"{orphans.Count} object(s) annotated by runs not in the journal: restore {result.Status.WireName()}"));
                items.AddRange(result.Items);
            }

            foreach (var item in items)
            {
                var state = item.Verified ? "verified" : item.Ok ? "restored (kept someone else's change)" : $"FAILED: {item.Error}";
                env.Out.MarkupLine(Markup.Escape($"  {item.Target}: {state}"));
            }

            if (items.Count == 0)
            {
                env.Out.MarkupLine("[green]nothing to restore[/]");
            }

            return items.Any(i => !i.Ok) ? ExitCodes.RestoreFailed : ExitCodes.Passed;
        }
        catch (StoreException e)
        {
            env.Fail(e.Message);
            return ExitCodes.Errored;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            factory.DebugLog.Write("restore failed", e);
            env.Fail($"{e.Message} (details in {factory.DebugLog.Path})");
            return ExitCodes.RestoreFailed;
        }
    }
}
