using Microsoft.Extensions.Logging;

using DrillBot.Drills.Running;

namespace DrillBot.Drills;

/// <summary>The engine's log messages (one class for the project: runs, and the restore service).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "run {RunId}: drill {Drill} started by {TriggerKind}:{TriggerBy}")]
    public static partial void RunStarted(ILogger logger, string runId, string drill, TriggerKind triggerKind, string triggerBy);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "run {RunId}: step {Index} {Description}")]
    public static partial void StepApplied(ILogger logger, string runId, int index, string description);

    [LoggerMessage(EventId = 4, Level = LogLevel.Error, Message = "run {RunId}: restore of {Target} failed: {Error}")]
    public static partial void RestoreFailed(ILogger logger, string runId, string target, string? error);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "run {RunId}: finished {Verdict}, restore {RestoreStatus}")]
    public static partial void RunFinished(ILogger logger, string runId, Verdict verdict, string restoreStatus);

    [LoggerMessage(EventId = 6, Level = LogLevel.Error, Message = "run {RunId}: unexpected failure")]
    public static partial void Unexpected(ILogger logger, Exception exception, string runId);

    [LoggerMessage(EventId = 7, Level = LogLevel.Warning, Message = "run {RunId}: observer {Observer} threw")]
    public static partial void ObserverFailed(ILogger logger, Exception exception, string runId, string observer);

    [LoggerMessage(EventId = 8, Level = LogLevel.Warning, Message = "journal write failed for run {RunId}")]
    public static partial void JournalFailed(ILogger logger, Exception exception, string runId);

    [LoggerMessage(EventId = 9, Level = LogLevel.Warning, Message = "run {RunId}: took over the drill lease in cluster {Cluster} from {PreviousHolder}: {Reason}")]
    public static partial void LeaseTakenOver(ILogger logger, string runId, string cluster, string previousHolder, string reason);

    [LoggerMessage(EventId = 10, Level = LogLevel.Warning, Message = "run {RunId}: blackout {Blackout} overridden by {By}: {Reason}")]
    public static partial void BlackoutOverridden(ILogger logger, string runId, string blackout, string by, string reason);

    [LoggerMessage(EventId = 11, Level = LogLevel.Warning, Message = "run {RunId}: {Reason}")]
    public static partial void DriftDetected(ILogger logger, string runId, string reason);

    [LoggerMessage(EventId = 12, Level = LogLevel.Information, Message = "run {RunId}: paused {Owner} for the run ({How})")]
    public static partial void OwnerPaused(ILogger logger, string runId, string owner, string how);

    [LoggerMessage(EventId = 30, Level = LogLevel.Warning, Message = "restore of run {RunId}: {Note}")]
    public static partial void LeaseNote(ILogger logger, string runId, string note);

    [LoggerMessage(EventId = 31, Level = LogLevel.Information, Message = "restore of run {RunId} skipped: {Holder} is restoring it")]
    public static partial void AlreadyBeingRestored(ILogger logger, string runId, string holder);

    [LoggerMessage(EventId = 32, Level = LogLevel.Information, Message = "run {RunId} (owner {Owner}) interrupted: restore {Status}")]
    public static partial void Resumed(ILogger logger, string runId, string owner, string status);
}
