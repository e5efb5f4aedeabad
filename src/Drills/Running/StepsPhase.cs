using DrillBot.Drills.Definitions;
using DrillBot.Drills.Journal;
using DrillBot.Drills.Reports;
using DrillBot.Drills.Running.Events;
using DrillBot.Drills.Steps;

namespace DrillBot.Drills.Running;

/// <summary>Runs the steps in the order written; the first failing step ends the run as errored.</summary>
internal static class StepsPhase
{
    public static async Task RunAsync(RunContext ctx, CancellationToken cancellationToken)
    {
        var executor = new StepExecutor(ctx.Setup.Journal, ctx.Setup.Time);
        for (var i = 0; i < ctx.Setup.Drill.Steps.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var step = ctx.Setup.Drill.Steps[i];
            if (step.Fault)
            {
                ctx.Recording.Moments.FaultStartedAt = ctx.Setup.Time.GetUtcNow();
            }

            if (step is WaitStep wait)
            {
                await Task.Delay(wait.Duration, ctx.Setup.Time, cancellationToken);
                Done(ctx, i, step, $"waited {Definitions.Parsing.DurationParser.Format(wait.Duration)}", null, ctx.Setup.Time.GetUtcNow());
                continue;
            }

            var number = i + 1;
            var outcome = await ApplyObjectAsync(ctx, executor, i, (ObjectStepDefinition)step, control: false, cancellationToken);
            if (!outcome.Ok)
            {
                lock (ctx.Recording.Records)
                {
                    ctx.Recording.Steps.Add(new StepInfo(i, step.Kind, outcome.Description, null, step.Fault, false, outcome.Error!.Message));
                }

                ctx.Recording.Stop(Verdict.Errored, $"step {i + 1} ({step.Kind}) failed: {outcome.Error!.Message}");
                return;
            }

            Done(ctx, i, step, outcome.Description, outcome.Recorded[^1].Target, outcome.AcknowledgedAt!.Value);
            await ctx.Setup.CheckpointAsync($"step-applied:{number}");
        }
    }

    /// <summary>
    /// Applies one object step through the journal (write-ahead) and keeps the run's records current; the checkpoints are
    /// named <c>step-captured:N</c> etc. (<c>control-step-captured:N</c> in a control run, whose changes are not watched for drift).
    /// </summary>
    public static async Task<StepOutcome> ApplyObjectAsync(RunContext ctx, StepExecutor executor, int index, ObjectStepDefinition step, bool control, CancellationToken cancellationToken)
    {
        var number = index + 1;
        var checkpointPrefix = control ? "control-" : string.Empty;
        var outcome = await executor.ApplyAsync(ctx.Setup.RunId, ctx.Recording.NextSequence, step, ctx.Clients[step.Cluster], ctx.Recording.AddRecord, cancellationToken, p => ctx.Setup.CheckpointAsync($"{checkpointPrefix}{p}:{number}"));
        ctx.Recording.MarkRejected(outcome.Rejected);
        if (outcome.Ok)
        {
            var entry = outcome.Recorded[^1];
            ctx.Recording.MarkApplied(entry.Sequence, outcome.Applied?.ToJsonString());
            if (!control)
            {
                // the real run's changes only: a control run restores its own before the real run, and those writes are not drift
                ctx.Drift.Track(ctx.Clients[step.Cluster], entry.Target, Json.JsonTools.Parse(entry.ChangeJson), entry.PriorJson is null, outcome.Applied);
            }
        }

        return outcome;
    }

    private static void Done(RunContext ctx, int index, StepDefinition step, string description, ObjectRef? target, DateTimeOffset at)
    {
        lock (ctx.Recording.Records)
        {
            ctx.Recording.Steps.Add(new StepInfo(index, step.Kind, description, at, step.Fault, true, null));
        }

        if (step.Fault)
        {
            ctx.Recording.Moments.FaultAt = at;
        }
        else if (ctx.Recording.Moments.FaultAt is null && step is not WaitStep)
        {
            ctx.Recording.Moments.ArmedAt = at;
        }

        ctx.Recording.Moments.LastStepAt = at;
        var kind = step.Fault ? "fault" : step is EnableFailoverStep ? "failover" : "step";
        ctx.Recording.Mark(kind, description, at);
        Log.StepApplied(ctx.Setup.Logger, ctx.Setup.RunId, index + 1, description);
        ctx.Emit(new StepApplied(ctx.Setup.RunId, ctx.Setup.Drill.Name, at, index, step.Kind, description, target, step.Fault));
    }
}
