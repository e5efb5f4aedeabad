using DrillBot.Drills.Running;
using Microsoft.Extensions.Logging;

namespace DrillBot.Logging;

/// <summary>The service's log messages (event ids 5000-5999). Never pass a secret or a connection string.</summary>
internal static partial class ServiceLog
{
    // --- configuration 50xx
    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "drills.yaml reloaded from {Path}: {Drills} drills (generation {Generation})")]
    public static partial void ConfigReloaded(ILogger logger, string path, int drills, int generation);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Error, Message = "drills.yaml problem: {Problem}")]
    public static partial void ConfigProblem(ILogger logger, string problem);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Error, Message = "the changed {Path} was refused ({Count} problems); the previous configuration keeps running")]
    public static partial void ConfigRefused(ILogger logger, string path, int count);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Error, Message = "applying the reloaded drills.yaml failed")]
    public static partial void ConfigListenerFailed(ILogger logger, Exception exception);

    // --- runs 51xx
    [LoggerMessage(EventId = 5101, Level = LogLevel.Information, Message = "run {RunId}: phase {Phase}")]
    public static partial void RunPhase(ILogger logger, string runId, RunPhase phase);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Information, Message = "drill {Drill} ({Trigger}) not started: {Reason}")]
    public static partial void RunRefused(ILogger logger, string drill, TriggerKind trigger, string reason);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Information, Message = "run {RunId}: abort requested by {By} (runs on {Where})")]
    public static partial void AbortRequested(ILogger logger, string runId, string by, string where);

    [LoggerMessage(EventId = 5104, Level = LogLevel.Warning, Message = "{Sink} failed on {Event}")]
    public static partial void SinkFailed(ILogger logger, Exception exception, string sink, string @event);

    [LoggerMessage(EventId = 5105, Level = LogLevel.Warning, Message = "run {RunId}: recording the end in the history failed (attempt {Attempt}), retrying")]
    public static partial void HistoryRetry(ILogger logger, Exception exception, string runId, int attempt);

    [LoggerMessage(EventId = 5106, Level = LogLevel.Error, Message = "the store is unavailable: could not {What}")]
    public static partial void StoreUnavailable(ILogger logger, Exception exception, string what);

    [LoggerMessage(EventId = 5107, Level = LogLevel.Warning, Message = "shutting down: aborting {Count} running drill(s) and waiting up to {Grace} for their restore")]
    public static partial void ShutdownAborting(ILogger logger, int count, TimeSpan grace);

    [LoggerMessage(EventId = 5108, Level = LogLevel.Information, Message = "shutdown: {Count} drill(s) aborted and restored")]
    public static partial void ShutdownRestored(ILogger logger, int count);

    [LoggerMessage(EventId = 5109, Level = LogLevel.Error, Message = "shutdown: the restore of run {RunId} did not finish within {Grace}; the next start (or another replica) restores what is left from the journal")]
    public static partial void ShutdownGraceExceeded(ILogger logger, string runId, TimeSpan grace);

    [LoggerMessage(EventId = 5110, Level = LogLevel.Error, Message = "shutdown: the restore of run {RunId} failed; the next start (or another replica) restores what is left from the journal")]
    public static partial void ShutdownRestoreFailed(ILogger logger, string runId);

    // --- scheduling 52xx
    [LoggerMessage(EventId = 5201, Level = LogLevel.Information, Message = "scheduler started on {Engine} as instance {Instance}")]
    public static partial void SchedulerStarted(ILogger logger, DrillBot.Store.StoreEngine engine, string instance);

    [LoggerMessage(EventId = 5202, Level = LogLevel.Information, Message = "drill {Drill} scheduled: {Cron} ({TimeZone}), next fire {Next}")]
    public static partial void DrillScheduled(ILogger logger, string drill, string cron, string timeZone, DateTimeOffset? next);

    [LoggerMessage(EventId = 5203, Level = LogLevel.Information, Message = "drill {Drill} unscheduled (no longer in drills.yaml or no schedule)")]
    public static partial void DrillUnscheduled(ILogger logger, string drill);

    [LoggerMessage(EventId = 5204, Level = LogLevel.Warning, Message = "scheduled fire of {Drill} at {ScheduledAt:u} did not run: {Reason}")]
    public static partial void FireSkipped(ILogger logger, string drill, DateTimeOffset scheduledAt, string reason);

    [LoggerMessage(EventId = 5208, Level = LogLevel.Warning, Message = "the blackout calendar of an older DrillBot could not be deleted yet: {Reason}")]
    public static partial void LegacyCalendarKept(ILogger logger, string reason);

    // --- resumption of interrupted runs 53xx
    [LoggerMessage(EventId = 5301, Level = LogLevel.Warning, Message = "run {RunId}: restored after an interrupted run (owner {Owner}): restore {Status}, {Objects} object(s)")]
    public static partial void RunResumed(ILogger logger, string runId, string owner, string status, int objects);

    [LoggerMessage(EventId = 5302, Level = LogLevel.Error, Message = "run {RunId}: restore after an interrupted run failed for {Target}: {Error}")]
    public static partial void ResumedItemFailed(ILogger logger, string runId, string target, string? error);

    [LoggerMessage(EventId = 5303, Level = LogLevel.Error, Message = "run {RunId}: restore after an interrupted run failed {Failures} time(s); next attempt in {Pause}")]
    public static partial void ResumptionRestoreFailed(ILogger logger, string runId, int failures, TimeSpan pause);

    [LoggerMessage(EventId = 5304, Level = LogLevel.Warning, Message = "object {Target} carried the changes of unknown run {RunId}: restored from its annotations ({Status})")]
    public static partial void OrphanRestored(ILogger logger, string runId, string target, string status);

    [LoggerMessage(EventId = 5305, Level = LogLevel.Error, Message = "resumption pass failed ({Where}); retrying")]
    public static partial void ResumptionPassFailed(ILogger logger, Exception exception, string where);

    [LoggerMessage(EventId = 5306, Level = LogLevel.Information, Message = "instance {Instance} delivers the Slack outbox")]
    public static partial void OutboxOwned(ILogger logger, string instance);

    [LoggerMessage(EventId = 5307, Level = LogLevel.Warning, Message = "instance {Instance} lost the outbox lease; another replica delivers now")]
    public static partial void OutboxLost(ILogger logger, string instance);

    // --- service 54xx
    [LoggerMessage(EventId = 5401, Level = LogLevel.Information, Message = "DrillBot serving on {Urls} as instance {Instance}: {Drills} drills, store {Store}, Slack {Slack}")]
    public static partial void ServiceStarted(ILogger logger, string instance, string urls, int drills, string store, string slack);

    [LoggerMessage(EventId = 5402, Level = LogLevel.Warning, Message = "DRILLBOT_API_TOKEN is not set: every /api/* request is refused with 401 unless it carries a named token (drillbot token create)")]
    public static partial void ApiDisabled(ILogger logger);

    [LoggerMessage(EventId = 5403, Level = LogLevel.Error, Message = "{Method} {Path} failed")]
    public static partial void RequestFailed(ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(EventId = 5205, Level = LogLevel.Warning, Message = "drill {Drill} misfired: first missed fire {Missed}, next fire {Next}")]
    public static partial void TriggerMisfired(ILogger logger, string drill, DateTimeOffset? missed, DateTimeOffset? next);

    [LoggerMessage(EventId = 5207, Level = LogLevel.Information, Message = "scheduled fire of {Drill} at {ScheduledAt:u} started run {RunId}")]
    public static partial void FireStarted(ILogger logger, string drill, DateTimeOffset scheduledAt, string runId);

    [LoggerMessage(EventId = 5206, Level = LogLevel.Critical, Message = "the scheduler could not start: no drill runs on its schedule (see /readyz)")]
    public static partial void SchedulerFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5111, Level = LogLevel.Warning, Message = "run {RunId}: drill {Drill} started inside blackout {Blackout} on the override of {By}: {Reason}")]
    public static partial void BlackoutOverridden(ILogger logger, string runId, string drill, string blackout, string by, string reason);

    [LoggerMessage(EventId = 5501, Level = LogLevel.Error, Message = "audit event {Action} by {Actor} ({Source}) could not be recorded: {Detail}")]
    public static partial void AuditLost(ILogger logger, Exception exception, string action, string actor, string source, string detail);

    [LoggerMessage(EventId = 5502, Level = LogLevel.Warning, Message = "DrillBot frozen by {By} ({Source}): {Reason}; aborting {Running} running drill(s)")]
    public static partial void Frozen(ILogger logger, string by, string source, string reason, int running);

    [LoggerMessage(EventId = 5503, Level = LogLevel.Warning, Message = "freeze lifted by {By} ({Source})")]
    public static partial void Unfrozen(ILogger logger, string by, string source);

    [LoggerMessage(EventId = 5504, Level = LogLevel.Warning, Message = "run {RunId} of {Drill} aborted: {Reason}")]
    public static partial void FrozenRunAborted(ILogger logger, string runId, string drill, string reason);

    [LoggerMessage(EventId = 5505, Level = LogLevel.Information, Message = "approval {ApprovalId} for {Drill}: {Outcome}")]
    public static partial void ApprovalChanged(ILogger logger, string approvalId, string drill, string outcome);

    [LoggerMessage(EventId = 5506, Level = LogLevel.Warning, Message = "API request refused: token {Token} lacks scope {Scope} for {Method} {Path}")]
    public static partial void ScopeRefused(ILogger logger, string token, string scope, string method, string path);
}
