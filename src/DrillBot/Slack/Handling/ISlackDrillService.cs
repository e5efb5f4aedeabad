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
}
