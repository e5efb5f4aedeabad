using DrillBot.Drills.Running;

namespace DrillBot.Runs;

/// <summary>How a start request ended: 202, 200 (dry run), 409, 423, 404, 503 in the API.</summary>
public abstract record StartOutcome
{
    private StartOutcome()
    {
    }

    /// <summary>Accepted: the run goes on in the background.</summary>
    public sealed record Started(string RunId, string Drill) : StartOutcome;

    /// <summary>A dry run: what the drill would change; nothing was changed.</summary>
    public sealed record Planned(DrillPlan Plan) : StartOutcome;

    /// <summary>Another drill holds a target cluster. <paramref name="RunId"/> is null when the holder is outside this installation.</summary>
    public sealed record Busy(string RunningDrill, string? RunId, string Detail) : StartOutcome;

    /// <summary>A blackout window is active. <see cref="UntilText"/>: its end in the drill's zone and UTC (<c>until 23:59 Asia/Shanghai (15:59 UTC)</c>).</summary>
    public sealed record Blackout(string Window, DateTimeOffset? Until) : StartOutcome
    {
        public string UntilText { get; init; } = Until is { } u ? $"until {u:u}" : "with no end";
    }

    /// <summary>No drill of that name in the configuration.</summary>
    public sealed record UnknownDrill(string Drill, IReadOnlyList<string> Known) : StartOutcome;

    /// <summary>Not started for another reason (shutting down, the store is unreachable).</summary>
    public sealed record Refused(string Reason) : StartOutcome;

    /// <summary>DrillBot is frozen (docs/service.md, "Freeze"): nothing starts until it is lifted.</summary>
    public sealed record Frozen(string By, string Reason, DateTimeOffset? Since) : StartOutcome;

    /// <summary>
    /// The drill needs approval and this request has none that can be used (403 in the API): <see cref="Reason"/> says
    /// why (none given, pending, rejected, expired, used, another drill's) and how to get one.
    /// </summary>
    public sealed record NeedsApproval(string Drill, string Reason) : StartOutcome;
}
