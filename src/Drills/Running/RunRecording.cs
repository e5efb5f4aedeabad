using DrillBot.Drills.Drift;
using DrillBot.Drills.Journal;
using DrillBot.Drills.Owners;
using DrillBot.Drills.Permissions;
using DrillBot.Drills.Reports;

namespace DrillBot.Drills.Running;

/// <summary>
/// What a run produces, for its analysis and report: the probe samples (written by the probers, one log per probe), the journal records
/// of its changes and the steps applied (the steps phase; restore reads the records), the timeline markers, the
/// instants it passed, and why it stopped early. Owned by the run's <see cref="DrillRunner"/>; thread-safe where the
/// prober, an abort and the phases meet.
/// </summary>
internal sealed class RunRecording(TimeProvider time, Definitions.DrillDefinition drill)
{
    private readonly Lock _gate = new();
    private readonly List<TimelineMarker> _markers = [];
    private readonly List<string> _reasons = [];
    private int _sequence;

    /// <summary>One log per probe of the drill (its <c>probe:</c>, or each entry of <c>probes:</c>), in the drill's order.</summary>
    public IReadOnlyList<ProbeLog> Probes { get; } = [.. drill.ProbeViews().Select(v => new ProbeLog(v))];

    /// <summary>The control run, when the drill has one (docs/drills-yaml.md#control).</summary>
    public ControlProgress? Control { get; set; }

    /// <summary>The journal records of this run's changes, in order (lock it to read or change).</summary>
    public List<JournalRecord> Records { get; } = [];

    public List<StepInfo> Steps { get; } = [];

    public RunMoments Moments { get; } = new();

    /// <summary>True once the run was begun in the journal (so it must be completed there).</summary>
    public bool Begun { get; set; }

    /// <summary>The preflight refused the drill's configuration against the live mesh (nothing changed; CLI exit 2).</summary>
    public bool Misconfigured { get; set; }

    /// <summary>Why the restored Deployments never became ready again (failback), if they did not.</summary>
    public string? DeploymentsNotReady { get; set; }

    /// <summary>The owners of the drill's objects and what the run did about them (preflight).</summary>
    public IReadOnlyList<OwnerFinding> Owners { get; set; } = [];

    /// <summary>The permission preflight's checks and dry runs (empty when the run stopped before it).</summary>
    public PermissionReport Permissions { get; set; } = PermissionReport.Empty;

    /// <summary>Someone else undid the drill's change during the run (the run was aborted for it).</summary>
    public DriftFinding? Drift { get; set; }

    /// <summary>Set by preflight when the run goes ahead inside a blackout on a person's override.</summary>
    public BlackoutOverride? BlackoutOverride { get; set; }

    /// <summary>Set when the run stopped before its end (abort/timeout/refusal) or broke (errored).</summary>
    public Verdict? Outcome { get; private set; }

    /// <summary>The next journal sequence number of this run.</summary>
    public int NextSequence() => Interlocked.Increment(ref _sequence);

    /// <summary>A journal entry was written: restore will consider it.</summary>
    public void AddRecord(JournalEntry entry)
    {
        lock (Records)
        {
            Records.Add(new JournalRecord(entry, JournalEntryState.Recorded, null, null));
        }
    }

    /// <summary>The entry's change was acknowledged by the API server.</summary>
    public void MarkApplied(int sequence, string? appliedJson)
    {
        lock (Records)
        {
            var at = Records.FindIndex(r => r.Entry.Sequence == sequence);
            Records[at] = Records[at] with { State = JournalEntryState.Applied, AppliedJson = appliedJson };
        }
    }

    /// <summary>Entries refused with 409 changed nothing: restore skips them.</summary>
    public void MarkRejected(IEnumerable<int> sequences)
    {
        lock (Records)
        {
            foreach (var sequence in sequences)
            {
                var at = Records.FindIndex(r => r.Entry.Sequence == sequence);
                Records[at] = Records[at] with { State = JournalEntryState.Restored };
            }
        }
    }

    public void Stop(Verdict verdict, string reason)
    {
        lock (_gate)
        {
            // errored beats aborted: the first cause is kept otherwise
            if (Outcome is null || (verdict == Verdict.Errored && Outcome != Verdict.Errored))
            {
                Outcome = verdict;
            }

            _reasons.Add(reason);
        }
    }

    public void Mark(string kind, string label, DateTimeOffset? at = null)
    {
        lock (_gate)
        {
            _markers.Add(new TimelineMarker(at ?? time.GetUtcNow(), kind, label));
        }
    }

    /// <summary>The reasons given to <see cref="Stop"/> so far, in order.</summary>
    public IReadOnlyList<string> ReasonsSoFar()
    {
        lock (_gate)
        {
            return [.. _reasons];
        }
    }

    public IReadOnlyList<TimelineMarker> MarkersSoFar()
    {
        lock (_gate)
        {
            return [.. _markers];
        }
    }
}
