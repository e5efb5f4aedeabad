using System.Text.Json;
using System.Text.Json.Nodes;
using DrillBot.Slack.WebApi;
using DrillBot.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DrillBot.Slack.Outbox;

/// <summary>
/// Delivers the outbox to Slack: oldest first, a message only after its predecessor
/// (<c>DependsOnKey</c>) and the message it threads under or updates, backing off with
/// <c>MarkRetryAsync</c> while Slack is unavailable, dead-lettering what Slack rejects for good.
/// </summary>
/// <remarks>
/// Delivery is at-least-once. The remaining duplicate window: Slack accepted a message but the
/// process died (or the store write failed) before <c>MarkSentAsync</c>; after a restart the message
/// is sent again. It is narrowed by (1) marking sent immediately after the answer, with no other
/// I/O in between; (2) never cancelling a send or its MarkSent on shutdown: the stopping token only
/// ends waits between messages, and each attempt is bounded by the pipeline's attempt timeout, so
/// an orderly stop never leaves a sent-but-unmarked message; (3) <c>chat.update</c> being idempotent
/// (a repeated result replaces the message with the same content). An attempt that timed out after
/// Slack received it is the other source of duplicates; Slack's API offers no idempotency key.
/// Run one dispatcher per store: <see cref="IOutboxStore.GetDueAsync"/> does not claim messages.
/// </remarks>
public sealed class SlackOutboxDispatcher : BackgroundService
{
    private readonly IOutboxStore store;
    private readonly SlackWebApiClient slack;
    private readonly TimeProvider time;
    private readonly SlackOutboxOptions options;
    private readonly OutboxSignal signal;
    private readonly ILogger logger;
    private readonly OutboxRequestBuilder requests;

    public SlackOutboxDispatcher(
        IOutboxStore store,
        SlackWebApiClient slack,
        TimeProvider time,
        SlackOutboxOptions options,
        OutboxSignal signal,
        ILogger<SlackOutboxDispatcher>? logger = null)
    {
        this.store = store;
        this.slack = slack;
        this.time = time;
        this.options = options;
        this.signal = signal;
        this.logger = logger ?? (ILogger)NullLogger.Instance;
        requests = new OutboxRequestBuilder(store, slack);
    }

    /// <summary>One pass over the due messages. Returns how many were delivered.</summary>
    /// <param name="cancellationToken">Stops the pass between messages (never between a send and its MarkSent).</param>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        var due = await store.GetDueAsync(time.GetUtcNow(), options.BatchSize, cancellationToken).ConfigureAwait(false);
        var delivered = 0;
        foreach (var message in due.OrderBy(m => m.CreatedAt).ThenBy(m => m.Id))
        {
            if (cancellationToken.IsCancellationRequested)
            {
                break;
            }

            var step = await DeliverAsync(message).ConfigureAwait(false);
            if (step == Step.Delivered)
            {
                delivered++;
            }
            else if (step == Step.SlackUnavailable)
            {
                break; // leave the rest due: the next pass finds the circuit state and Retry-After
            }
        }

        return delivered;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DeliverDueAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
#pragma warning disable CA1031 // the loop must survive a failing store; the error is logged and retried
            catch (Exception e)
#pragma warning restore CA1031
            {
                SlackLog.OutboxPassFailed(logger, e);
            }

            try
            {
                await signal.WaitAsync(options.PollInterval, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    private async Task<Step> DeliverAsync(OutboxMessage message)
    {
        // From here to MarkSent nothing is cancelled by shutdown (see remarks).
        var none = CancellationToken.None;
        var now = time.GetUtcNow();
        JsonObject payload;
        try
        {
            payload = JsonNode.Parse(message.PayloadJson) as JsonObject ?? throw new JsonException("not an object");
        }
        catch (JsonException e)
        {
            return await DeadLetterAsync(message, $"unreadable payload: {e.Message}").ConfigureAwait(false);
        }

        if (message.DependsOnKey is { } before && await store.GetResultAsync(before, none).ConfigureAwait(false) is null)
        {
            var waited = now - message.CreatedAt;
            if (waited < options.OrderingTimeout)
            {
                return Step.Waiting; // stays due; checked again next pass, attempts untouched
            }

            SlackLog.OutboxOrderingTimeout(logger, message.Key, waited, before);
        }

        var request = await requests.BuildAsync(message, payload, none).ConfigureAwait(false);
        if (request.DeadLetter is { } reason)
        {
            return await DeadLetterAsync(message, reason).ConfigureAwait(false);
        }

        if (request.Send is null)
        {
            return Step.Waiting;
        }

        var response = await request.Send(none).ConfigureAwait(false);
        if (response.Ok)
        {
            var result = new DeliveredMessage(true, response.Ts ?? request.Ts, response.Channel ?? request.Channel, null);
            await store.MarkSentAsync(message.Id, result.ToJson(), time.GetUtcNow(), none).ConfigureAwait(false);
            return Step.Delivered;
        }

        if (!response.IsRetryable)
        {
            return await DeadLetterAsync(message, response.Error ?? "rejected").ConfigureAwait(false);
        }

        var next = time.GetUtcNow() + Backoff(message.Attempts, response.RetryAfter);
        var error = response.Error ?? response.Status.ToString();
        await store.MarkRetryAsync(message.Id, error, next, none).ConfigureAwait(false);
        SlackLog.OutboxRetry(logger, message.Key, message.Attempts + 1, error, next);
        return Step.SlackUnavailable;
    }

    private async Task<Step> DeadLetterAsync(OutboxMessage message, string error)
    {
        SlackLog.OutboxDeadLetter(logger, message.Key, error);
        await store.MarkSentAsync(message.Id, new DeliveredMessage(false, null, null, error).ToJson(), time.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
        return Step.DeadLettered;
    }

    private TimeSpan Backoff(int attempts, TimeSpan? retryAfter)
    {
        var exponent = Math.Clamp(attempts, 0, 20);
        var backoff = TimeSpan.FromTicks(Math.Min(options.MaxBackoff.Ticks, options.BaseBackoff.Ticks * (1L << exponent)));
        return retryAfter is { } after && after > backoff ? after : backoff;
    }

    private enum Step
    {
        Delivered,
        DeadLettered,
        Waiting,
        SlackUnavailable,
    }
}
