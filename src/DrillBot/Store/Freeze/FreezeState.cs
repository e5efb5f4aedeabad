namespace DrillBot.Store.Freeze;

/// <summary>
/// The one big red stop (docs/service.md, "Freeze"): while <see cref="Frozen"/>, no drill starts on any replica and
/// every running one is aborted. Who froze, from where, why and since when; who lifted the last freeze and when.
/// </summary>
public sealed record FreezeState(bool Frozen, string? Reason, string? By, string? Source, DateTimeOffset? Since)
{
    public static FreezeState Thawed { get; } = new(false, null, null, null, null);

    public string? LiftedBy { get; init; }

    public DateTimeOffset? LiftedAt { get; init; }

    /// <summary><c>frozen by @x: REASON</c>, the abort reason of every run it stops.</summary>
    public string Describe() => $"frozen by {By}: {Reason}";
}
