using DrillBot.Drills.Cluster;
using DrillBot.Drills.Definitions;
using DrillBot.Drills.Journal;
using DrillBot.Drills.Locking;
using DrillBot.Drills.Reports;
using DrillBot.Drills.Running.Events;
using Microsoft.Extensions.Logging;

namespace DrillBot.Drills.Running;

/// <summary>The mutable state of one run, shared by its phases.</summary>
internal sealed class RunContext(string runId, DrillsConfig config, DrillDefinition drill, RunTrigger trigger, DrillEngineOptions options, IReadOnlyList<IDrillObserver> observers, ILogger logger)
{
    private readonly Lock _gate = new();
    private int _sequence;

    public string RunId { get; } = runId;
    public DrillsConfig Config { get; } = config;
    public DrillDefinition Drill { get; } = drill;
    public RunTrigger Trigger { get; } = trigger;
    public DrillEngineOptions Options { get; } = options;
    public ILogger Logger { get; } = logger;
    public TimeProvider Time => Options.TimeProvider;
    public IJournal Journal => Options.Journal;
    public SampleLog Samples { get; } = new();
    public Dictionary<string, IClusterClient> Clients { get; } = new(StringComparer.Ordinal);
    public List<JournalRecord> Records { get; } = [];
    public List<StepInfo> Steps { get; } = [];
    public List<TimelineMarker> Markers { get; } = [];
    public List<string> Reasons { get; } = [];
    public RunPhase Phase { get; private set; } = RunPhase.Pending;

    /// <summary>Who holds the drill leases while this run lives: <c>"{owner} run {runId}"</c>.</summary>
    public LeaseHolder Holder => LeaseHolder.ForRun(Options.Owner, RunId);
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? SteadyFrom { get; set; }
    public DateTimeOffset? SteadyTo { get; set; }
    public DateTimeOffset? FaultAt { get; set; }
    public DateTimeOffset? LastStepAt { get; set; }
    public DateTimeOffset? ObserveEndAt { get; set; }
    public DateTimeOffset? RestoreFinishedAt { get; set; }
    public bool Begun { get; set; }

    /// <summary>The preflight refused the drill's configuration against the live mesh (nothing changed; CLI exit 2).</summary>
    public bool Misconfigured { get; set; }

    /// <summary>When the Deployments the restore put back were ready again (failback), and why not if never.</summary>
    public DateTimeOffset? DeploymentsReadyAt { get; set; }

    public string? DeploymentsNotReady { get; set; }

    /// <summary>Set when the run stopped before its end (abort/timeout/refusal) or broke (errored).</summary>
    public Verdict? Outcome { get; private set; }

    public Func<long> ProbesSent { get; set; } = () => 0;

    public int NextSequence() => Interlocked.Increment(ref _sequence);

    /// <summary>The test hook (<see cref="DrillEngineOptions.Checkpoint"/>); nothing when unset.</summary>
    public ValueTask CheckpointAsync(string point) => Options.Checkpoint?.Invoke(point) ?? ValueTask.CompletedTask;

    public void Stop(Verdict verdict, string reason)
    {
        lock (_gate)
        {
            // errored beats aborted: the first cause is kept otherwise
            if (Outcome is null || (verdict == Verdict.Errored && Outcome != Verdict.Errored))
            {
                Outcome = verdict;
            }

            Reasons.Add(reason);
        }
    }

    public void Mark(string kind, string label, DateTimeOffset? at = null)
    {
        lock (_gate)
        {
            Markers.Add(new TimelineMarker(at ?? Time.GetUtcNow(), kind, label));
        }
    }

    public void EnterPhase(RunPhase phase)
    {
        Phase = phase;
        Emit(new PhaseChanged(RunId, Drill.Name, Time.GetUtcNow(), phase));
    }

    public void Emit(DrillEvent e)
    {
        foreach (var observer in observers)
        {
            try
            {
                observer.OnEvent(e);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                Log.ObserverFailed(Logger, ex, RunId, observer.GetType().Name);
            }
        }
    }
}
