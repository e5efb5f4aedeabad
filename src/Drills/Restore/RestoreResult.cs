namespace DrillBot.Drills.Restore;

/// <summary>The restore of a whole run.</summary>
public sealed record RestoreResult(RestoreStatus Status, IReadOnlyList<RestoreItemResult> Items, DateTimeOffset StartedAt, DateTimeOffset FinishedAt)
{
    public static RestoreStatus StatusOf(IReadOnlyCollection<RestoreItemResult> items) =>
        items.Any(i => !i.Ok) ? RestoreStatus.Failed : items.All(i => i.Verified) ? RestoreStatus.Verified : RestoreStatus.Restored;
}
