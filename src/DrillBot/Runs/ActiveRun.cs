using DrillBot.Drills.Definitions;
using DrillBot.Drills.Running;
using DrillBot.Runs.Events;

namespace DrillBot.Runs;

/// <summary>A run of this process: the engine's run, its event pump, and when it is completely done (history and Slack recorded).</summary>
internal sealed class ActiveRun(DrillDefinition drill, RunRequest request, IReadOnlySet<string> targets, DrillRun run, RunEventPump pump, TimeProvider time)
{
    private readonly TaskCompletionSource done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int aborting;

    public string RunId => Run.RunId;

    public DrillDefinition Drill { get; } = drill;

    public RunRequest Request { get; } = request;

    public IReadOnlySet<string> Targets { get; } = targets;

    public DrillRun Run { get; } = run;

    public RunEventPump Pump { get; } = pump;

    /// <summary>Completes when the run finished and its history and Slack messages are recorded.</summary>
    public Task Done => done.Task;

    public bool AbortRequested => Volatile.Read(ref aborting) == 1;

    /// <summary>
    /// Aborts once (later requests are no-ops); false when the run had finished already. The report's reason is
    /// <c>aborted: requested by {by}</c>, or <c>aborted: {reason}</c> when given (a freeze: <c>frozen by @x: REASON</c>).
    /// </summary>
    public bool Abort(string by, string? reason = null)
    {
        if (Run.Completion.IsCompleted)
        {
            return false;
        }

        if (Interlocked.Exchange(ref aborting, 1) == 1)
        {
            return true;
        }

        Pump.Post(new AbortRequested(RunId, Drill.Name, time.GetUtcNow(), by) { Reason = reason });
        return Run.Abort(reason ?? $"requested by {by}");
    }

    internal void MarkDone() => done.TrySetResult();
}
