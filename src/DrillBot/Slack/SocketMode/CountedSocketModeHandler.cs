using System.Text.Json.Nodes;
using DrillBot.Metrics;
using DrillBot.Slack.Commands;
using DrillBot.Slack.Handling;
using DrillBot.Slack.Interactions;

namespace DrillBot.Slack.SocketMode;

/// <summary>
/// Socket Mode envelopes routed to the same <see cref="SlackCommandProcessor"/> as the HTTP routes
/// (as the Slack layer's <see cref="SlackSocketModeHandler"/> does, with the same delivery keys), and
/// counted in <c>drillbot_slack_requests_total{kind,result}</c> like HTTP requests.
/// </summary>
internal sealed class CountedSocketModeHandler(SlackCommandProcessor processor, DrillMetrics metrics) : ISocketModeHandler
{
    public async Task<JsonObject?> HandleAsync(Envelope envelope, CancellationToken cancellationToken)
    {
        switch (envelope.Type)
        {
            case "slash_commands":
                var command = SlashCommand.FromJson(envelope.Payload);
                var (reply, result) = await processor.HandleSlashCommandAsync(command, Key("command", command.TriggerId, envelope));
                metrics.SlackRequest("command", result);
                return reply;
            case "interactive" when BlockActionsPayload.TryRead(envelope.Payload, out var payload, out _):
                metrics.SlackRequest("interaction", await processor.HandleBlockActionsAsync(payload, Key("action", payload.TriggerId, envelope)));
                return null;
            default:
                metrics.SlackRequest("event", "ignored");
                return null;
        }
    }

    private static string Key(string kind, string triggerId, Envelope envelope) =>
        string.IsNullOrWhiteSpace(triggerId) ? $"slack/{kind}/envelope-{envelope.EnvelopeId}" : $"slack/{kind}/{triggerId}";
}
