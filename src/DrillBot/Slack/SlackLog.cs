using Microsoft.Extensions.Logging;

namespace DrillBot.Slack;

/// <summary>Source-generated log messages of the Slack feature (event IDs 4000–4099). Never log a token, secret or signature.</summary>
internal static partial class SlackLog
{
    [LoggerMessage(4000, LogLevel.Warning, "Slack Web API attempt {Attempt} after {Delay}: previous attempt failed with {Failure}")]
    public static partial void WebApiRetry(ILogger logger, int attempt, TimeSpan delay, string failure);

    [LoggerMessage(4001, LogLevel.Error, "Slack looks down: circuit opened for {BreakDuration} after {Failure}")]
    public static partial void CircuitOpened(ILogger logger, TimeSpan breakDuration, string failure);

    [LoggerMessage(4002, LogLevel.Information, "Slack answers again: circuit closed")]
    public static partial void CircuitClosed(ILogger logger);

    [LoggerMessage(4003, LogLevel.Error, "Slack refused {Method}: {Error} (not retried)")]
    public static partial void WebApiRejected(ILogger logger, string method, string error);

    [LoggerMessage(4010, LogLevel.Information, "Slack request refused ({Kind}): {Reason}")]
    public static partial void RequestRefused(ILogger logger, string kind, string reason);

    [LoggerMessage(4011, LogLevel.Information, "Slack delivery {Key} seen before (retry {RetryNum}); not handled again")]
    public static partial void DuplicateDelivery(ILogger logger, string key, string retryNum);

    [LoggerMessage(4012, LogLevel.Error, "Slack command work failed")]
    public static partial void CommandFailed(ILogger logger, Exception exception);

    [LoggerMessage(4020, LogLevel.Warning, "Outbox message {Key} failed (attempt {Attempts}): {Error}; next attempt at {NextAttemptAt}")]
    public static partial void OutboxRetry(ILogger logger, string key, int attempts, string error, DateTimeOffset nextAttemptAt);

    [LoggerMessage(4021, LogLevel.Error, "Outbox message {Key} given up: {Error}")]
    public static partial void OutboxDeadLetter(ILogger logger, string key, string error);

    [LoggerMessage(4022, LogLevel.Warning, "Outbox message {Key} has waited {Waited} for {DependsOn}; sending it anyway")]
    public static partial void OutboxOrderingTimeout(ILogger logger, string key, TimeSpan waited, string dependsOn);

    [LoggerMessage(4023, LogLevel.Error, "Outbox dispatcher pass failed; retrying after the poll interval")]
    public static partial void OutboxPassFailed(ILogger logger, Exception exception);

    [LoggerMessage(4030, LogLevel.Information, "Socket Mode connected (connection {Connection})")]
    public static partial void SocketConnected(ILogger logger, int connection);

    [LoggerMessage(4031, LogLevel.Information, "Socket Mode disconnect requested: {Reason}")]
    public static partial void SocketDisconnectRequested(ILogger logger, string reason);

    [LoggerMessage(4032, LogLevel.Warning, "Socket Mode connection failed or dropped ({Failure}); reconnecting in {Delay}")]
    public static partial void SocketReconnecting(ILogger logger, string failure, TimeSpan delay);

    [LoggerMessage(4033, LogLevel.Error, "Socket Mode link disabled by Slack; not reconnecting")]
    public static partial void SocketLinkDisabled(ILogger logger);

    [LoggerMessage(4034, LogLevel.Error, "Socket Mode envelope {EnvelopeId} handler failed")]
    public static partial void SocketHandlerFailed(ILogger logger, string envelopeId, Exception exception);

    [LoggerMessage(4035, LogLevel.Debug, "Socket Mode envelope {EnvelopeId} redelivered; acknowledged, not handled again")]
    public static partial void SocketDuplicateEnvelope(ILogger logger, string envelopeId);
}
