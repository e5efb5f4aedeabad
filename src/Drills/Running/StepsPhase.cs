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
        var executor = new StepExecutor(ctx.Journal, ctx.Time);
        for (var i = 0; i < ctx.Drill.Steps.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var step = ctx.Drill.Steps[i];
            if (step.Fault)
            {
                ctx.FaultStartedAt = ctx.Time.GetUtcNow();
            }

            if (step is WaitStep wait)
            {
                await Task.Delay(wait.Duration, ctx.Time, cancellationToken);
                Done(ctx, i, step, $"waited {Definitions.Parsing.DurationParser.Format(wait.Duration)}", null, ctx.Time.GetUtcNow());
                continue;
            }

            var objectStep = (ObjectStepDefinition)step;
            var number = i + 1;
            var outcome = await executor.ApplyAsync(ctx.RunId, ctx.NextSequence, objectStep, ctx.Clients[objectStep.Cluster], e => AddRecord(ctx, e), cancellationToken, p => ctx.CheckpointAsync($"{p}:{number}"));
            MarkRejected(ctx, outcome.Rejected);
            if (!outcome.Ok)
            {
                lock (ctx.Records)
                {
                    ctx.Steps.Add(new StepInfo(i, step.Kind, outcome.Description, null, step.Fault, false, outcome.Error!.Message));
                }

                ctx.Stop(Verdict.Errored, $"step {i + 1} ({step.Kind}) failed: {outcome.Error!.Message}");
                return;
            }

            var entry = outcome.Recorded[^1];
            lock (ctx.Records)
            {
                var at = ctx.Records.FindIndex(r => r.Entry.Sequence == entry.Sequence);
                ctx.Records[at] = ctx.Records[at] with { State = JournalEntryState.Applied, AppliedJson = outcome.Applied?.ToJsonString() };
            }

            Done(ctx, i, step, outcome.Description, entry.Target, outcome.AcknowledgedAt!.Value);
            await ctx.CheckpointAsync($"step-applied:{number}");
        }
    }

    /// <summary>Entries refused with 409 changed nothing: restore skips them.</summary>
    private static void MarkRejected(RunContext ctx, IReadOnlyList<int> sequences)
    {
        lock (ctx.Records)
        {
            foreach (var sequence in sequences)
            {
                var at = ctx.Records.FindIndex(r => r.Entry.Sequence == sequence);
                ctx.Records[at] = ctx.Records[at] with { State = JournalEntryState.Restored };
            }
        }
    }

    private static void AddRecord(RunContext ctx, JournalEntry entry)
    {
        lock (ctx.Records)
        {
            ctx.Records.Add(new JournalRecord(entry, JournalEntryState.Recorded, null, null));
        }
    }

    private static void Done(RunContext ctx, int index, StepDefinition step, string description, ObjectRef? target, DateTimeOffset at)
    {
        lock (ctx.Records)
        {
            ctx.Steps.Add(new StepInfo(index, step.Kind, description, at, step.Fault, true, null));
        }

        if (step.Fault)
        {
            ctx.FaultAt = at;
        }
        else if (ctx.FaultAt is null && step is not WaitStep)
        {
            ctx.ArmedAt = at;
        }

        ctx.LastStepAt = at;
        var kind = step.Fault ? "fault" : step is EnableFailoverStep ? "failover" : "step";
        ctx.Mark(kind, description, at);
        Log.StepApplied(ctx.Logger, ctx.RunId, index + 1, description);
        ctx.Emit(new StepApplied(ctx.RunId, ctx.Drill.Name, at, index, step.Kind, description, target, step.Fault));
    }
}
