namespace DrillBot.Drills.Running;

/// <summary>A dry run: the changes in order, and notes from a read-only preflight (blackouts, locks, preconditions).</summary>
public sealed record DrillPlan(string Drill, IReadOnlyList<PlannedChange> Changes, IReadOnlyList<string> Notes)
{
    public bool CanRun => Changes.All(c => c.Problem is null);
}
