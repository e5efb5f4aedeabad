namespace DrillBot.Slack.WebApi;

/// <summary><c>chat.postMessage</c> and <c>chat.update</c> (Slack.NetStandard's <c>client.Chat.Post/Update</c>).</summary>
public sealed class ChatApi
{
    private readonly SlackWebApiClient client;

    internal ChatApi(SlackWebApiClient client) => this.client = client;

    /// <summary>Posts a message; the answer carries its <c>ts</c> and <c>channel</c>.</summary>
    public Task<SlackApiResponse> Post(PostMessageRequest request, CancellationToken cancellationToken) =>
        client.CallAsync("chat.postMessage", request.ToJson(), token: null, cancellationToken);

    /// <summary>Replaces a message's text and blocks.</summary>
    public Task<SlackApiResponse> Update(UpdateMessageRequest request, CancellationToken cancellationToken) =>
        client.CallAsync("chat.update", request.ToJson(), token: null, cancellationToken);
}
