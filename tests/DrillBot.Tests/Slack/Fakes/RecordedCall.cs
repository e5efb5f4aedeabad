using System.Text.Json.Nodes;

namespace DrillBot.Tests.Slack.Fakes;

/// <summary>One request the fake received, with the answer it gave.</summary>
/// <param name="Method">Web API method (<c>chat.postMessage</c>…) or <c>response_url</c>.</param>
/// <param name="Path">Request path.</param>
/// <param name="Authorization">The Authorization header.</param>
/// <param name="ContentType">The Content-Type header.</param>
/// <param name="Body">The JSON body (null when not JSON).</param>
/// <param name="At">When it arrived, on the fake's clock.</param>
/// <param name="StatusCode">Status answered.</param>
/// <param name="Ok">True when the answer was a success (<c>ok: true</c>).</param>
/// <param name="Ts">The <c>ts</c> answered for successful chat calls.</param>
public sealed record RecordedCall(string Method, string Path, string? Authorization, string? ContentType, JsonObject? Body, DateTimeOffset At, int StatusCode, bool Ok, string? Ts)
{
    public string? Text => Body?["text"]?.GetValue<string>();

    public string? ThreadTs => Body?["thread_ts"]?.GetValue<string>();
}
