using Microsoft.Extensions.Logging;

namespace DrillBot.Store;

/// <summary>The store's log messages.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Store schema migration {Version} ({Name}) applied to {Location}")]
    public static partial void MigrationApplied(ILogger logger, int version, string name, string location);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "Store opened: {Engine} at {Location}, schema version {Version}")]
    public static partial void StoreOpened(ILogger logger, StoreEngine engine, string location, int version);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Warning, Message = "Store check failed for {Location}: {Problem}")]
    public static partial void CheckFailed(ILogger logger, string location, string problem);
}
