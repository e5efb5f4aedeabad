using Microsoft.Extensions.Logging;

namespace DrillBot.Drills.Restore;

/// <summary>The restore service's log messages.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 30, Level = LogLevel.Warning, Message = "restore of run {RunId}: {Note}")]
    public static partial void LeaseNote(ILogger logger, string runId, string note);

    [LoggerMessage(EventId = 31, Level = LogLevel.Information, Message = "restore of run {RunId} skipped: {Holder} is restoring it")]
    public static partial void AlreadyBeingRestored(ILogger logger, string runId, string holder);

    [LoggerMessage(EventId = 32, Level = LogLevel.Information, Message = "run {RunId} (owner {Owner}) interrupted: restore {Status}")]
    public static partial void Resumed(ILogger logger, string runId, string owner, string status);
}
