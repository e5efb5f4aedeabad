namespace DrillBot.Slack.BlockKit;

/// <summary>What the Slack messages show about one approval request (the host maps its stored request onto it).</summary>
public sealed record SlackApprovalView
{
    public required string ApprovalId { get; init; }

    public required string Drill { get; init; }

    public string? Description { get; init; }

    /// <summary>Who asked (a Slack user ID is shown as a mention; else the name, e.g. an API token's).</summary>
    public required string RequestedBy { get; init; }

    public string? RequesterSlackId { get; init; }

    /// <summary><c>slack:U123</c>, <c>api-token:ci</c>.</summary>
    public required string Source { get; init; }

    public required int Required { get; init; }

    public required IReadOnlyList<string> Approvers { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }

    public string? OverrideBlackout { get; init; }

    /// <summary><c>pending|approved|rejected|expired|used</c>.</summary>
    public string Status { get; init; } = "pending";

    /// <summary>Who approved (user IDs), in order.</summary>
    public IReadOnlyList<string> ApprovedBy { get; init; } = [];

    public string? RejectedBy { get; init; }

    /// <summary>True when the run starts by itself once approved (asked in Slack); false for API requests.</summary>
    public bool AutoStart { get; init; } = true;

    public string? RunId { get; init; }
}
