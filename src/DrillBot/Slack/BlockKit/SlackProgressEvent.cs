namespace DrillBot.Slack.BlockKit;

/// <summary>One line in a run's thread.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="At">When it happened.</param>
/// <param name="Detail">Phase name, serving class, restore status or a note, depending on <paramref name="Kind"/>.</param>
/// <param name="Seconds">Recovery or failback seconds where they apply.</param>
public sealed record SlackProgressEvent(SlackProgressKind Kind, DateTimeOffset At, string? Detail = null, double? Seconds = null);

/// <summary>Kinds of thread lines.</summary>
public enum SlackProgressKind
{
    PhaseChanged,
    FaultApplied,
    RecoveryDetected,
    RestoreDone,
    AbortRequested,
    Note,

    /// <summary>A freeze stops the run; <see cref="SlackProgressEvent.Detail"/> is <c>frozen by @x: REASON</c>.</summary>
    Frozen,
}
