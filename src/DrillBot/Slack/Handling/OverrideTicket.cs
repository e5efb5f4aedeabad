using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DrillBot.Slack.Handling;

/// <summary>
/// What an override's Confirm/Cancel button carries (its value, JSON, ≤ 2000 characters): the drill, the user who asked
/// (only they may confirm), the reason, until when it is valid, and a nonce that lets one click start one run. Slack
/// returns a button's value exactly as DrillBot posted it, in a request verified with the signing secret, so the value
/// cannot be forged by a user.
/// </summary>
public sealed record OverrideTicket(
    [property: JsonPropertyName("d")] string Drill,
    [property: JsonPropertyName("u")] string UserId,
    [property: JsonPropertyName("r")] string Reason,
    [property: JsonPropertyName("x")] long ExpiresUnix,
    [property: JsonPropertyName("n")] string Nonce)
{
    /// <summary>Longest reason kept (the whole ticket must stay below Slack's 2000-character button value).</summary>
    public const int MaxReason = 1200;

    public static OverrideTicket Issue(string drill, string userId, string reason, DateTimeOffset expires) =>
        new(drill, userId, reason.Length > MaxReason ? reason[..MaxReason] : reason, expires.ToUnixTimeSeconds(), Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)));

    public string ToValue() => JsonSerializer.Serialize(this);

    public static OverrideTicket? Parse(string value)
    {
        try
        {
            var ticket = JsonSerializer.Deserialize<OverrideTicket>(value);
            return ticket is { Drill.Length: > 0, UserId.Length: > 0, Reason.Length: > 0, Nonce.Length: > 0 } ? ticket : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public bool ExpiredAt(DateTimeOffset now) => now.ToUnixTimeSeconds() > ExpiresUnix;

    [JsonIgnore]
    public string ExpiresText => DateTimeOffset.FromUnixTimeSeconds(ExpiresUnix).UtcDateTime.ToString("HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
