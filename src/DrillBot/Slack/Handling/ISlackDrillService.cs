using DrillBot.Slack.BlockKit;

namespace DrillBot.Slack.Handling;

/// <summary>
/// What Slack may ask of the drill engine. The host implements it over the engine and the store;
/// the Slack layer only calls it. Each method returns an outcome; none should throw for expected cases.
/// </summary>
public interface ISlackDrillService
{
    /// <summary>Configured drills with schedule and next fire time.</summary>
    Task<IReadOnlyList<SlackDrillInfo>> ListDrillsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Starts a run (or, with <see cref="SlackStartRequest.DryRun"/>, returns its plan). Returns as
    /// soon as the run is accepted or refused; the run itself continues in the background.
    /// </summary>
    Task<SlackStartResult> StartRunAsync(SlackStartRequest request, CancellationToken cancellationToken);

    /// <summary>Aborts <paramref name="runId"/>, or the single running run when null.</summary>
    Task<SlackAbortResult> AbortRunAsync(string? runId, string requestedBy, CancellationToken cancellationToken);

    /// <summary>Runs in progress now.</summary>
    Task<IReadOnlyList<SlackRunView>> GetActiveRunsAsync(CancellationToken cancellationToken);

    /// <summary>Most recent runs first, optionally of one drill.</summary>
    Task<IReadOnlyList<SlackRunView>> GetHistoryAsync(string? drill, int max, CancellationToken cancellationToken);

    /// <summary>Whether a blackout is in force for <paramref name="drill"/> now (asked before an override is confirmed).</summary>
    Task<SlackOverrideCheck> CheckOverrideAsync(string drill, CancellationToken cancellationToken);

    /// <summary>Freezes DrillBot: every running drill stops (and restores), nothing starts until unfrozen.</summary>
    Task<SlackFreezeResult> FreezeAsync(string userId, string userName, string reason, CancellationToken cancellationToken);

    /// <summary>Lifts the freeze.</summary>
    Task<SlackFreezeResult> UnfreezeAsync(string userId, string userName, CancellationToken cancellationToken);

    /// <summary>Approval requests still waiting (for <c>/drill status</c>).</summary>
    Task<IReadOnlyList<SlackApprovalView>> GetPendingApprovalsAsync(CancellationToken cancellationToken);

    /// <summary>The freeze in force (for <c>/drill status</c>), or null when not frozen.</summary>
    Task<SlackFreezeResult?> GetFreezeAsync(CancellationToken cancellationToken);

    /// <summary>A click on Approve (<paramref name="approve"/>) or Reject of an approval request.</summary>
    Task<SlackDecisionResult> DecideApprovalAsync(string approvalId, string userId, string userName, bool approve, CancellationToken cancellationToken);
}
