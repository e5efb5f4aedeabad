using System.Text.Json.Nodes;

namespace DrillBot.Slack.SocketMode;

/// <summary>Handles envelopes received over Socket Mode (see <see cref="SlackSocketModeHandler"/> for DrillBot's).</summary>
public interface ISocketModeHandler
{
    /// <summary>
    /// Handles one envelope. For envelopes that accept a response payload the returned object is sent
    /// in the acknowledgement, so answer quickly (well under 3 s); return null for no payload.
    /// </summary>
    Task<JsonObject?> HandleAsync(Envelope envelope, CancellationToken cancellationToken);
}
