using System.Text.Json.Nodes;
using DrillBot.Slack.BlockKit;
using DrillBot.Store;

namespace DrillBot.Slack.Outbox;

/// <summary>
/// Everything DrillBot sends to Slack is enqueued here first, under an idempotency key, and delivered
/// by <see cref="SlackOutboxDispatcher"/>. Enqueuing the same key twice is a no-op (returns false), so
/// replaying a run's events after a restart never duplicates a message.
/// </summary>
public sealed class SlackOutbox
{
    private readonly IOutboxStore store;
    private readonly string channel;
    private readonly TimeProvider time;
    private readonly OutboxSignal signal;

    /// <param name="store">The durable outbox.</param>
    /// <param name="channel">Where run messages go (<c>SLACK_CHANNEL</c>).</param>
    /// <param name="time">Clock for <c>CreatedAt</c>.</param>
    /// <param name="signal">Wakes the dispatcher after each enqueue.</param>
    public SlackOutbox(IOutboxStore store, string channel, TimeProvider time, OutboxSignal signal)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channel);
        this.store = store;
        this.channel = channel;
        this.time = time;
        this.signal = signal;
    }

    /// <summary>The run's message in the channel, with the Abort button (key <c>run/{id}/posted</c>).</summary>
    public Task<bool> RunStartedAsync(SlackRunView run, CancellationToken cancellationToken)
    {
        var message = RunMessages.Started(run);
        var payload = Body(message);
        payload["channel"] = channel;
        return EnqueueAsync(SlackOutboxKinds.RunPosted(run.RunId), SlackOutboxKinds.Post, payload, dependsOn: null, cancellationToken);
    }

    /// <summary>
    /// One line in the run's thread (key <c>run/{id}/progress/{sequence}</c>). Number the lines of a run
    /// 1, 2, 3… without gaps: line n is delivered after line n−1 (and line 1 after the run message).
    /// </summary>
    public Task<bool> RunProgressAsync(string runId, int sequence, SlackProgressEvent progress, DateTimeOffset? startedAt, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        var payload = Body(RunMessages.Progress(progress, startedAt));
        payload["threadRootKey"] = SlackOutboxKinds.RunPosted(runId);
        var previous = sequence == 1 ? SlackOutboxKinds.RunPosted(runId) : SlackOutboxKinds.RunProgress(runId, sequence - 1);
        return EnqueueAsync(SlackOutboxKinds.RunProgress(runId, sequence), SlackOutboxKinds.Post, payload, previous, cancellationToken);
    }

    /// <summary>The final result; replaces the run's message, removing the Abort button (key <c>run/{id}/result</c>).</summary>
    public Task<bool> RunFinishedAsync(SlackRunView run, CancellationToken cancellationToken)
    {
        var payload = Body(RunMessages.Result(run));
        payload["targetKey"] = SlackOutboxKinds.RunPosted(run.RunId);
        return EnqueueAsync(SlackOutboxKinds.RunResult(run.RunId), SlackOutboxKinds.Update, payload, SlackOutboxKinds.RunPosted(run.RunId), cancellationToken);
    }

    /// <summary>An approval request in the channel with Approve/Reject (key <c>approval/{id}/posted</c>).</summary>
    public Task<bool> ApprovalRequestedAsync(SlackApprovalView view, CancellationToken cancellationToken) =>
        AnnounceAsync(SlackOutboxKinds.ApprovalPosted(view.ApprovalId), ApprovalMessages.Request(view), cancellationToken);

    /// <summary>A line in an approval request's thread (key <c>approval/{id}/thread/{line}</c>: one per decision or event).</summary>
    public Task<bool> ApprovalThreadAsync(string approvalId, string line, SlackMessage message, CancellationToken cancellationToken)
    {
        var payload = Body(message);
        payload["threadRootKey"] = SlackOutboxKinds.ApprovalPosted(approvalId);
        return EnqueueAsync(SlackOutboxKinds.ApprovalThread(approvalId, line), SlackOutboxKinds.Post, payload, SlackOutboxKinds.ApprovalPosted(approvalId), cancellationToken);
    }

    /// <summary>Replaces the request once it is approved, rejected or expired (buttons gone; key <c>approval/{id}/closed</c>).</summary>
    public Task<bool> ApprovalClosedAsync(SlackApprovalView view, CancellationToken cancellationToken)
    {
        var payload = Body(ApprovalMessages.Closed(view));
        payload["targetKey"] = SlackOutboxKinds.ApprovalPosted(view.ApprovalId);
        return EnqueueAsync(SlackOutboxKinds.ApprovalClosed(view.ApprovalId), SlackOutboxKinds.Update, payload, SlackOutboxKinds.ApprovalPosted(view.ApprovalId), cancellationToken);
    }

    /// <summary>A message of its own in the run channel (e.g. a freeze), once per <paramref name="key"/>.</summary>
    public Task<bool> AnnounceAsync(string key, SlackMessage message, CancellationToken cancellationToken)
    {
        var payload = Body(message);
        payload["channel"] = channel;
        return EnqueueAsync(key, SlackOutboxKinds.Post, payload, dependsOn: null, cancellationToken);
    }

    /// <summary>
    /// An ephemeral reply through a command's or interaction's <c>response_url</c>; with <paramref name="replaceOriginal"/>
    /// it replaces the message whose button was clicked (an override question, once answered).
    /// </summary>
    public Task<bool> RespondAsync(string key, string responseUrl, SlackMessage message, CancellationToken cancellationToken, bool replaceOriginal = false)
    {
        var body = message.ToJson("ephemeral");
        if (replaceOriginal)
        {
            body["replace_original"] = true;
        }

        var payload = new JsonObject
        {
            ["url"] = responseUrl,
            ["body"] = body,
        };
        return EnqueueAsync(key, SlackOutboxKinds.Respond, payload, dependsOn: null, cancellationToken);
    }

    private async Task<bool> EnqueueAsync(string key, string kind, JsonObject payload, string? dependsOn, CancellationToken cancellationToken)
    {
        var added = await store.EnqueueAsync(new OutboxItem(key, kind, payload.ToJsonString(), dependsOn, time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        signal.Notify();
        return added;
    }

    private static JsonObject Body(SlackMessage message) => message.ToJson();
}
