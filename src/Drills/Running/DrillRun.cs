using DrillBot.Drills.Definitions;
using DrillBot.Drills.Reports;

namespace DrillBot.Drills.Running;

/// <summary>A run in progress. <see cref="Abort"/> stops it and restores; <see cref="Completion"/> yields the report.</summary>
public sealed class DrillRun
{
    private readonly RunContext _context;
    private readonly CancellationTokenSource _abort;

    internal DrillRun(RunContext context, CancellationTokenSource abort, Task<DrillReport> completion)
    {
        _context = context;
        _abort = abort;
        Completion = completion;
    }

    public string RunId => _context.Setup.RunId;

    public DrillDefinition Drill => _context.Setup.Drill;

    public RunTrigger Trigger => _context.Setup.Trigger;

    public DateTimeOffset StartedAt => _context.Recording.Moments.StartedAt;

    public RunPhase Phase => _context.Phase;

    /// <summary>The report, once the run finished (restore included). Never faults.</summary>
    public Task<DrillReport> Completion { get; }

    /// <summary>Aborts the run (verdict aborted) and lets it restore. False when it had already finished.</summary>
    public bool Abort(string reason)
    {
        if (Completion.IsCompleted)
        {
            return false;
        }

        _context.Recording.Stop(Verdict.Aborted, $"aborted: {reason}");
        try
        {
            _abort.Cancel();
        }
        catch (ObjectDisposedException)
        {
            return false;
        }

        return true;
    }
}
