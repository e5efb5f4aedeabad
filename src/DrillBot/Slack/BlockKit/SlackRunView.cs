namespace DrillBot.Slack.BlockKit;

/// <summary>
/// What the Slack messages show about one run. The host maps the engine's report and lifecycle
/// events onto it; nothing here is a secret (no tokens, no URLs with credentials).
/// </summary>
public sealed record SlackRunView
{
    public required string Drill { get; init; }

    public required string RunId { get; init; }

    public string? Description { get; init; }

    /// <summary><c>cli|schedule|slack|api</c> (report <c>trigger.kind</c>).</summary>
    public string TriggerKind { get; init; } = "api";

    /// <summary>Who started it (report <c>trigger.by</c>); shown escaped.</summary>
    public string? TriggeredBy { get; init; }

    /// <summary>The Slack user who started it, when started from Slack; shown as a mention.</summary>
    public string? SlackUserId { get; init; }

    public bool DryRun { get; init; }

    /// <summary>Set when a person ran it inside a blackout: which blackout, why, who.</summary>
    public SlackOverrideView? OverrideBlackout { get; init; }

    /// <summary>The approval request it ran under, with who approved it.</summary>
    public string? ApprovalId { get; init; }

    /// <summary>Current phase while running (preflight, capture, fault, observe, restore, verify).</summary>
    public string? Phase { get; init; }

    /// <summary><c>passed|failed|aborted|errored|inconclusive</c>, null while running.</summary>
    public string? Verdict { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    public double? RecoverySeconds { get; init; }

    public string? ServedBy { get; init; }

    /// <summary>Share of ok samples per class after recovery (0..1).</summary>
    public IReadOnlyDictionary<string, double> Shares { get; init; } = new Dictionary<string, double>();

    /// <summary><c>verified|restored|failed</c>, null until restore ran.</summary>
    public string? RestoreStatus { get; init; }

    public double? FailbackSeconds { get; init; }

    /// <summary>Link to the HTML report, e.g. <c>{publicBaseUrl}/runs/{id}</c>.</summary>
    public Uri? ReportUrl { get; init; }

    public IReadOnlyList<string> Reasons { get; init; } = [];

    /// <summary>What the run proved: "Proved: …" / "Not proved: …" (the report's <c>proves</c>); the result message leads with them.</summary>
    public IReadOnlyList<string> Proves { get; init; } = [];

    /// <summary>One line per statistical check (share, maxErrorRatio, beforeFault): its interval, confidence and result.</summary>
    public IReadOnlyList<string> Intervals { get; init; } = [];
}
