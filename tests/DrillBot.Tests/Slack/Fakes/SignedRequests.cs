using DrillBot.Slack.Handling;
using DrillBot.Slack.Verification;

namespace DrillBot.Tests.Slack.Fakes;

/// <summary>Builds requests signed the way Slack signs them.</summary>
public static class SignedRequests
{
    public const string Secret = "test-signing-secret";
    public const string FormType = "application/x-www-form-urlencoded";

    public static string CommandBody(string text, string userId = "U0ALLOWED", string triggerId = "trig-1", string responseUrl = "https://hooks.example/commands/1") =>
        $"token=x&team_id=T1&channel_id=C1&user_id={userId}&user_name=ann&command=%2Fdrill&text={Uri.EscapeDataString(text)}&response_url={Uri.EscapeDataString(responseUrl)}&trigger_id={triggerId}";

    public static string InteractionBody(string actionId, string value, string userId = "U0ALLOWED", string triggerId = "act-1", string responseUrl = "https://hooks.example/actions/1") =>
        "payload=" + Uri.EscapeDataString(
            $$"""{"type":"block_actions","user":{"id":"{{userId}}","username":"ann"},"trigger_id":"{{triggerId}}","response_url":"{{responseUrl}}","container":{"channel_id":"C1","message_ts":"1.1"},"actions":[{"action_id":"{{actionId}}","value":"{{value}}"}]}""");

    /// <summary>A click whose value may hold any text (JSON-escaped properly), e.g. an override ticket.</summary>
    public static string Click(string actionId, string value, string userId, string triggerId, string responseUrl, string userName = "ann")
    {
        var payload = new System.Text.Json.Nodes.JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = new System.Text.Json.Nodes.JsonObject { ["id"] = userId, ["username"] = userName },
            ["trigger_id"] = triggerId,
            ["response_url"] = responseUrl,
            ["container"] = new System.Text.Json.Nodes.JsonObject { ["channel_id"] = "C1", ["message_ts"] = "1.1" },
            ["actions"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["action_id"] = actionId, ["value"] = value }),
        };
        return "payload=" + Uri.EscapeDataString(payload.ToJsonString());
    }

    public static SlackHttpRequest Sign(string body, TimeProvider clock, string? retryNum = null, string contentType = FormType, string secret = Secret)
    {
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new SlackHttpRequest(body, contentType, timestamp, RequestVerifier.ComputeSignature(secret, timestamp, body), retryNum);
    }
}
