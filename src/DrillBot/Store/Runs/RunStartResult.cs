namespace DrillBot.Store.Runs;

/// <summary>
/// What <see cref="IRunStore.StartUnlessBusyAsync"/> did: started the run; or not, because <paramref name="BusyWith"/>
/// (a running run) holds a target; or not, because the run id exists already (both false/null).
/// </summary>
public sealed record RunStartResult(bool Started, RunSummary? BusyWith)
{
    /// <summary>Set (and nothing started) when a freeze was in force at that instant.</summary>
    public Freeze.FreezeState? FrozenBy { get; init; }
}
