using System.Text.Json.Nodes;
using DrillBot.Slack.Commands;
using DrillBot.Slack.Handling;
using DrillBot.Slack.Interactions;

namespace DrillBot.Slack.SocketMode;

/// <summary>Routes Socket Mode envelopes to the same <see cref="SlackCommandProcessor"/> the HTTP endpoints use.</summary>
public sealed class SlackSocketModeHandler : ISocketModeHandler
{
    private readonly SlackCommandProcessor processor;

    public SlackSocketModeHandler(SlackCommandProcessor processor) => this.processor = processor;

    public async Task<JsonObject?> HandleAsync(Envelope envelope, CancellationToken cancellationToken)
    {
        switch (envelope.Type)
        {
            case "slash_commands":
                var command = SlashCommand.FromJson(envelope.Payload);
                var (reply, _) = await processor.HandleSlashCommandAsync(command, Key("command", command.TriggerId, envelope)).ConfigureAwait(false);
                return reply;
            case "interactive" when BlockActionsPayload.TryRead(envelope.Payload, out var payload, out _):
                await processor.HandleBlockActionsAsync(payload, Key("action", payload.TriggerId, envelope)).ConfigureAwait(false);
                return null;
            default:
                return null; // events_api and others: acknowledged, nothing to do
        }
    }

    private static string Key(string kind, string triggerId, Envelope envelope) =>
        string.IsNullOrWhiteSpace(triggerId) ? $"slack/{kind}/envelope-{envelope.EnvelopeId}" : $"slack/{kind}/{triggerId}";
}
