using System.Text.Json.Nodes;

namespace DrillBot.Slack.WebApi;

/// <summary><c>apps.*</c> methods.</summary>
public sealed class AppsApi
{
    private readonly SlackWebApiClient client;

    internal AppsApi(SlackWebApiClient client) => this.client = client;

    /// <summary><c>apps.connections.open</c> with the app-level token (<c>xapp-…</c>): the answer's <c>Url</c> is the Socket Mode WebSocket address.</summary>
    public Task<SlackApiResponse> OpenConnection(string appToken, CancellationToken cancellationToken) =>
        client.CallAsync("apps.connections.open", [], appToken, cancellationToken);
}
