using DrillBot.Drills.Definitions;
using DrillBot.Drills.Reports;
using DrillBot.Drills.Restore;
using DrillBot.Drills.Running.Events;
using DrillBot.Drills.Steps;

namespace DrillBot.Drills.Running;

/// <summary>
/// The control run (docs/drills-yaml.md#control), between the steady state and the real steps: the drill's fault step
/// alone — every step that is neither the fault nor a wait is left out — journaled like any step, watched for at most
/// control.duration (ending early when abortIf fires or every check is settled), restored at once, and then the run
/// waits until it is back (steady state, restored Deployments ready, restore.failback's region serving) before the real
/// steps. A crash mid-control leaves the journal to restore the control's change like any other.
/// </summary>
internal static class ControlPhase
{
    public static async Task RunAsync(RunContext ctx, Func<string?> lockLost, CancellationToken cancellationToken)
    {
        var drill = ctx.Setup.Drill;
        var control = drill.Control!;
        var progress = new ControlProgress { StartedAt = ctx.Setup.Time.GetUtcNow() };
        ctx.Recording.Control = progress;
        ctx.EnterPhase(RunPhase.Control);
        ctx.Recording.Mark("control", $"control: the fault without {string.Join(", ", drill.LeftOutByControl.Select(s => s.Kind))}", progress.StartedAt);
        var before = RestorePhase.Records(ctx).Select(r => r.Entry.Sequence).ToHashSet();
        try
        {
            await ApplyFaultAsync(ctx, progress, cancellationToken);
            if (ctx.Recording.Outcome is null)
            {
                await ctx.Setup.CheckpointAsync("control-observe");
                var from = progress.FaultAt ?? progress.StartedAt;
                var (end, detail) = await ObservePhase.WatchAsync(ctx, from, from + control.Duration, from, from, lockLost, cancellationToken);
                progress.EndedBy = end switch { WatchEnd.AbortIf => "abortIf", WatchEnd.Settled => "settled", WatchEnd.Duration => "duration", _ => "stopped" };
                if (end == WatchEnd.AbortIf)
                {
                    progress.AbortIf = detail; // the control degraded: go on to restore and the real run
                    ctx.Recording.Mark("control-abort", "control: abortIf fired");
                }
                else if (end == WatchEnd.LockLost)
                {
                    ctx.Recording.Stop(Verdict.Errored, detail!);
                }
            }
        }
        finally
        {
            progress.EndAt ??= ctx.Setup.Time.GetUtcNow();
        }

        await RestoreAsync(ctx, progress, [.. RestorePhase.Records(ctx).Where(r => !before.Contains(r.Entry.Sequence))], cancellationToken);
    }

    private static async Task ApplyFaultAsync(RunContext ctx, ControlProgress progress, CancellationToken cancellationToken)
    {
        var executor = new StepExecutor(ctx.Setup.Journal, ctx.Setup.Time);
        var steps = ctx.Setup.Drill.Steps;
        for (var i = 0; i < steps.Count; i++)
        {
            if (!steps[i].Fault || steps[i] is not ObjectStepDefinition step)
            {
                continue;
            }

            var outcome = await StepsPhase.ApplyObjectAsync(ctx, executor, i, step, control: true, cancellationToken);
            progress.Steps.Add(new StepInfo(i, step.Kind, outcome.Description, outcome.AcknowledgedAt, true, outcome.Ok, outcome.Error?.Message) { Control = true });
            if (!outcome.Ok)
            {
                ctx.Recording.Stop(Verdict.Errored, $"control: step {i + 1} ({step.Kind}) failed: {outcome.Error!.Message}");
                return;
            }

            progress.FaultAt = outcome.AcknowledgedAt;
            ctx.Recording.Mark("control-fault", $"control: {outcome.Description}", outcome.AcknowledgedAt);
            Log.StepApplied(ctx.Setup.Logger, ctx.Setup.RunId, i + 1, $"control: {outcome.Description}");
            ctx.Emit(new StepApplied(ctx.Setup.RunId, ctx.Setup.Drill.Name, outcome.AcknowledgedAt!.Value, i, step.Kind, outcome.Description, outcome.Recorded[^1].Target, true) { Control = true });
        }
    }

    /// <summary>Restores the control's changes, then waits until the run is back before the real steps.</summary>
    private static async Task RestoreAsync(RunContext ctx, ControlProgress progress, IReadOnlyList<Journal.JournalRecord> records, CancellationToken cancellationToken)
    {
        ctx.Recording.Mark("control-restore", "control: restore");
        progress.Restore = await RestorePhase.RestoreRecordsAsync(ctx, records);
        if (progress.Restore.Status == RestoreStatus.Failed)
        {
            ctx.Recording.Stop(Verdict.Errored, $"the control's restore failed ({string.Join("; ", progress.Restore.Items.Where(i => !i.Ok).Select(i => $"{i.Target}: {i.Error}"))}): the real run was not started");
            return;
        }

        if (ctx.Recording.Outcome is not null)
        {
            return;
        }

        var readiness = new FailbackReadiness(ctx, records);
        cancellationToken.ThrowIfCancellationRequested();
        progress.BackAt = await RestorePhase.BackAsync(ctx, progress.Restore.FinishedAt, readiness, cancellationToken);
        if (progress.BackAt is { } back)
        {
            ctx.Recording.Mark("control-back", "control: steady state again", back);
            return;
        }

        var region = ctx.Setup.Drill.Restore.Failback is { } f ? $" and {f.ServedBy} serving" : string.Empty;
        var pending = readiness.Pending is { } p ? $" ({p})" : string.Empty;
        ctx.Recording.Stop(Verdict.Aborted, $"after the control, the steady state{region} did not come back within restore.verifyWithin {Definitions.Parsing.DurationParser.Format(ctx.Setup.Drill.Restore.VerifyWithin)}{pending}: the real run was not started");
    }
}
