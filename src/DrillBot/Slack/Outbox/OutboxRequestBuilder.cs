using System.Text.Json.Nodes;
using DrillBot.Slack.WebApi;
using DrillBot.Store;

namespace DrillBot.Slack.Outbox;

/// <summary>
/// Turns a stored outbox message into a Web API call, resolving what it depends on: a thread reply
/// needs its parent's <c>ts</c> and channel, an update needs the posted message's; both are read
/// from the stored results (<see cref="DeliveredMessage"/>).
/// </summary>
internal sealed class OutboxRequestBuilder
{
    private readonly IOutboxStore store;
    private readonly SlackWebApiClient slack;

    public OutboxRequestBuilder(IOutboxStore store, SlackWebApiClient slack)
    {
        this.store = store;
        this.slack = slack;
    }

    public Task<OutboxRequest> BuildAsync(OutboxMessage message, JsonObject payload, CancellationToken cancellationToken) => message.Kind switch
    {
        SlackOutboxKinds.Post => PostAsync(payload, cancellationToken),
        SlackOutboxKinds.Update => UpdateAsync(message, payload, cancellationToken),
        SlackOutboxKinds.Respond => Task.FromResult(Respond(payload)),
        _ => Task.FromResult(OutboxRequest.GiveUp($"unknown kind '{message.Kind}'")),
    };

    private async Task<OutboxRequest> PostAsync(JsonObject payload, CancellationToken cancellationToken)
    {
        var channel = OutboxRequest.Str(payload, "channel");
        string? threadTs = null;
        if (OutboxRequest.Str(payload, "threadRootKey") is { } rootKey)
        {
            var root = DeliveredMessage.Parse(await store.GetResultAsync(rootKey, cancellationToken).ConfigureAwait(false));
            if (root is null)
            {
                return OutboxRequest.Wait;
            }

            if (!root.Ok || root.Ts is null)
            {
                return OutboxRequest.GiveUp($"thread parent {rootKey} was not delivered ({root.Error})");
            }

            (threadTs, channel) = (root.Ts, root.Channel ?? channel);
        }

        if (channel is null)
        {
            return OutboxRequest.GiveUp("payload has no channel");
        }

        var post = new PostMessageRequest(channel, OutboxRequest.Str(payload, "text") ?? "", payload["blocks"] as JsonArray, threadTs);
        return new OutboxRequest(ct => slack.Chat.Post(post, ct), null, channel);
    }

    private async Task<OutboxRequest> UpdateAsync(OutboxMessage message, JsonObject payload, CancellationToken cancellationToken)
    {
        var targetKey = OutboxRequest.Str(payload, "targetKey") ?? message.DependsOnKey;
        if (targetKey is null)
        {
            return OutboxRequest.GiveUp("payload has no targetKey");
        }

        var target = DeliveredMessage.Parse(await store.GetResultAsync(targetKey, cancellationToken).ConfigureAwait(false));
        if (target is null)
        {
            return OutboxRequest.Wait;
        }

        if (!target.Ok || target.Ts is null || target.Channel is null)
        {
            return OutboxRequest.GiveUp($"message to update ({targetKey}) was not delivered ({target.Error})");
        }

        var update = new UpdateMessageRequest(target.Channel, target.Ts, OutboxRequest.Str(payload, "text") ?? "", payload["blocks"] as JsonArray);
        return new OutboxRequest(ct => slack.Chat.Update(update, ct), target.Ts, target.Channel);
    }

    private OutboxRequest Respond(JsonObject payload) =>
        Uri.TryCreate(OutboxRequest.Str(payload, "url"), UriKind.Absolute, out var url) && payload["body"] is JsonObject body
            ? new OutboxRequest(ct => slack.PostToResponseUrl(url, body, ct), null, null)
            : OutboxRequest.GiveUp("response_url payload needs url and body");
}
