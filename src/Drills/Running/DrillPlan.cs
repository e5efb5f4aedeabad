using DrillBot.Drills.Owners;
using DrillBot.Drills.Permissions;

namespace DrillBot.Drills.Running;

/// <summary>
/// A dry run: the changes in order, notes from a read-only preflight (blackouts, locks, preconditions), the owners of the
/// drill's objects with what the drill's <c>owners</c> policy would do, and the permission preflight's checks and dry runs.
/// </summary>
public sealed record DrillPlan(string Drill, IReadOnlyList<PlannedChange> Changes, IReadOnlyList<string> Notes)
{
    /// <summary>The owners found, each with the action a real run would take.</summary>
    public IReadOnlyList<OwnerFinding> Owners { get; init; } = [];

    /// <summary>Why a real run would refuse because of an owner (null: it would not).</summary>
    public string? OwnersRefusal { get; init; }

    /// <summary>Every permission check and dry run a real run makes before it changes anything.</summary>
    public PermissionReport Permissions { get; init; } = PermissionReport.Empty;

    public bool CanRun => Changes.All(c => c.Problem is null) && Permissions.Ok && OwnersRefusal is null;
}
