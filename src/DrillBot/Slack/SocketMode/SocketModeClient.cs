using System.Net.WebSockets;
using DrillBot.Slack.WebApi;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DrillBot.Slack.SocketMode;

/// <summary>
/// Keeps a Socket Mode connection to Slack (when <c>SLACK_APP_TOKEN</c> is set): <c>apps.connections.open</c>
/// → WebSocket → <c>hello</c>; every envelope is acknowledged (at once, or with the handler's answer when
/// the envelope accepts a response payload); redelivered envelope IDs are acknowledged but not handled
/// again. On <c>disconnect</c> (<c>warning</c>, <c>refresh_requested</c>) a new connection is opened
/// before the old one closes; a dropped connection is reopened with exponential backoff;
/// <c>link_disabled</c> stops the client.
/// </summary>
public sealed class SocketModeClient : BackgroundService
{
    private readonly SlackWebApiClient api;
    private readonly SocketModeOptions options;
    private readonly ISocketModeHandler handler;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly Func<ClientWebSocket> socketFactory;
    private readonly EnvelopeIdSet seen;
    private int connectionsOpened;

    public SocketModeClient(
        SlackWebApiClient api,
        SocketModeOptions options,
        ISocketModeHandler handler,
        TimeProvider time,
        ILogger<SocketModeClient>? logger = null,
        Func<ClientWebSocket>? socketFactory = null)
    {
        this.api = api;
        this.options = options;
        this.handler = handler;
        this.time = time;
        this.logger = logger ?? (ILogger)NullLogger.Instance;
        this.socketFactory = socketFactory ?? (() => new ClientWebSocket());
        seen = new EnvelopeIdSet(options.DedupeCapacity);
    }

    /// <summary>Connections that received <c>hello</c> so far.</summary>
    public int ConnectionsOpened => Volatile.Read(ref connectionsOpened);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        SocketModeConnection? current = null;
        var failures = 0;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                if (current is null)
                {
                    (current, var failure) = await TryOpenAsync(stoppingToken).ConfigureAwait(false);
                    if (current is null)
                    {
                        await BackoffAsync(++failures, failure!, stoppingToken).ConfigureAwait(false);
                        continue;
                    }

                    failures = 0;
                }

                var reason = await current.Ended.WaitAsync(stoppingToken).ConfigureAwait(false);
                if (reason is "link_disabled")
                {
                    SlackLog.SocketLinkDisabled(logger);
                    return;
                }

                if (reason.StartsWith("dropped", StringComparison.Ordinal) || reason == "closed")
                {
                    await current.DisposeAsync().ConfigureAwait(false);
                    current = null;
                    await BackoffAsync(++failures, reason, stoppingToken).ConfigureAwait(false);
                    continue;
                }

                // warning / refresh_requested: the new connection first, then close the old one.
                SlackLog.SocketDisconnectRequested(logger, reason);
                var (next, _) = await TryOpenAsync(stoppingToken).ConfigureAwait(false);
                await current.CloseAsync(TimeSpan.FromSeconds(5), time).ConfigureAwait(false);
                await current.DisposeAsync().ConfigureAwait(false);
                current = next;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping
        }
        finally
        {
            if (current is not null)
            {
                await current.CloseAsync(TimeSpan.FromSeconds(2), time).ConfigureAwait(false);
                await current.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private async Task<(SocketModeConnection? Connection, string? Failure)> TryOpenAsync(CancellationToken cancellationToken)
    {
        var open = await api.Apps.OpenConnection(options.AppToken, cancellationToken).ConfigureAwait(false);
        if (!open.Ok || !Uri.TryCreate(open.Url, UriKind.Absolute, out var url))
        {
            return (null, "apps.connections.open: " + (open.Error ?? "no url"));
        }

        var connection = new SocketModeConnection(ConnectionsOpened + 1, socketFactory(), OnEnvelopeAsync, options.MaxMessageBytes);
        try
        {
            await connection.StartAsync(url, cancellationToken).ConfigureAwait(false);
            using var helloWait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var timeout = Task.Delay(options.HelloTimeout, time, helloWait.Token);
            var first = await Task.WhenAny(connection.Hello, connection.Ended, timeout).ConfigureAwait(false);
            await helloWait.CancelAsync().ConfigureAwait(false);
            // Hello wins even when a disconnect already followed it: the supervisor then handles that
            // disconnect on a connection it knows (WhenAny does not prefer the first argument).
            if (!connection.Hello.IsCompleted)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var failure = first == timeout ? "no hello" : "closed before hello: " + connection.Ended.Result;
                await connection.DisposeAsync().ConfigureAwait(false);
                return (null, failure);
            }
        }
        catch (Exception e) when (e is WebSocketException or HttpRequestException or IOException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            return (null, e.GetType().Name);
        }

        SlackLog.SocketConnected(logger, Interlocked.Increment(ref connectionsOpened));
        return (connection, null);
    }

    private async Task OnEnvelopeAsync(SocketModeConnection connection, Envelope envelope)
    {
        if (!seen.Add(envelope.EnvelopeId))
        {
            SlackLog.SocketDuplicateEnvelope(logger, envelope.EnvelopeId);
            await SafeAckAsync(connection, new Acknowledge(envelope.EnvelopeId)).ConfigureAwait(false);
            return;
        }

        if (!envelope.AcceptsResponsePayload)
        {
            await SafeAckAsync(connection, new Acknowledge(envelope.EnvelopeId)).ConfigureAwait(false);
        }

        // Handle off the receive loop so one slow envelope never delays the next acknowledgement.
        _ = Task.Run(async () =>
        {
            System.Text.Json.Nodes.JsonObject? payload = null;
            try
            {
                payload = await handler.HandleAsync(envelope, CancellationToken.None).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // a failing handler must not kill the connection; logged
            catch (Exception e)
#pragma warning restore CA1031
            {
                SlackLog.SocketHandlerFailed(logger, envelope.EnvelopeId, e);
            }

            if (envelope.AcceptsResponsePayload)
            {
                await SafeAckAsync(connection, new Acknowledge(envelope.EnvelopeId, payload)).ConfigureAwait(false);
            }
        });
    }

    private static async Task SafeAckAsync(SocketModeConnection connection, Acknowledge ack)
    {
        try
        {
            await connection.AcknowledgeAsync(ack).ConfigureAwait(false);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException or IOException)
        {
            // the connection is gone; Slack redelivers the envelope on the next one
        }
    }

    private async Task BackoffAsync(int failures, string failure, CancellationToken cancellationToken)
    {
        var ticks = Math.Min(options.ReconnectMaxDelay.Ticks, options.ReconnectBaseDelay.Ticks * (1L << Math.Clamp(failures - 1, 0, 20)));
        var delay = TimeSpan.FromTicks(ticks);
        SlackLog.SocketReconnecting(logger, failure, delay);
        await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
    }
}
