using Microsoft.Extensions.Logging;

namespace DrillBot.Lab.Hosting;

/// <summary>The Lab's log messages.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Lab API server for context {Context} (region {Region}) listening on {Url}")]
    public static partial void ApiServerStarted(ILogger logger, string context, string region, string url);

    [LoggerMessage(2, LogLevel.Information, "Lab ingress listening on {Url}")]
    public static partial void IngressStarted(ILogger logger, string url);

    [LoggerMessage(3, LogLevel.Error, "Lab API request {Method} {Path} on context {Context} failed")]
    public static partial void ApiRequestFailed(ILogger logger, Exception exception, string method, string path, string context);

    [LoggerMessage(4, LogLevel.Error, "Lab ingress request {Path} failed")]
    public static partial void IngressRequestFailed(ILogger logger, Exception exception, string path);

    [LoggerMessage(5, LogLevel.Information, "Lab stopped")]
    public static partial void Stopped(ILogger logger);

    [LoggerMessage(6, LogLevel.Warning, "Lab: {Object} is stored but not modelled: {Why}")]
    public static partial void NotModelled(ILogger logger, string @object, string why);
}
