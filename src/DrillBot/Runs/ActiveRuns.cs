namespace DrillBot.Runs;

/// <summary>
/// The runs of this process and the targets they hold. A start first reserves its targets here
/// (atomically, so two simultaneous starts on one cluster cannot both pass), then attaches the run.
/// </summary>
internal sealed class ActiveRuns
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, Entry> entries = new(StringComparer.Ordinal);

    /// <summary>Reserves <paramref name="targets"/> for <paramref name="runId"/>; null on success, else the entry holding one of them.</summary>
    public Entry? TryReserve(string runId, string drill, IReadOnlySet<string> targets)
    {
        lock (gate)
        {
            var conflict = entries.Values.FirstOrDefault(e => e.Targets.Overlaps(targets));
            if (conflict is null)
            {
                entries[runId] = new Entry(runId, drill, targets);
            }

            return conflict;
        }
    }

    public void Attach(ActiveRun run)
    {
        lock (gate)
        {
            entries[run.RunId] = new Entry(run.RunId, run.Drill.Name, run.Targets) { Run = run };
        }
    }

    public void Remove(string runId)
    {
        lock (gate)
        {
            entries.Remove(runId);
        }
    }

    public bool Contains(string runId)
    {
        lock (gate)
        {
            return entries.ContainsKey(runId);
        }
    }

    public ActiveRun? Get(string runId)
    {
        lock (gate)
        {
            return entries.TryGetValue(runId, out var e) ? e.Run : null;
        }
    }

    /// <summary>The runs started so far (reservations without a run yet are left out).</summary>
    public IReadOnlyList<ActiveRun> All()
    {
        lock (gate)
        {
            return entries.Values.Select(e => e.Run).OfType<ActiveRun>().OrderBy(r => r.Run.StartedAt).ToList();
        }
    }

    /// <summary>A reservation or a run.</summary>
    public sealed record Entry(string RunId, string Drill, IReadOnlySet<string> Targets)
    {
        public ActiveRun? Run { get; init; }
    }
}
