using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace DrillBot.Slack.Verification;

/// <summary>
/// Verifies Slack's request signature: <c>v0=hex(HMAC-SHA256(secret, "v0:{timestamp}:{raw body}"))</c>
/// compared in constant time with <c>X-Slack-Signature</c>, and refuses timestamps more than
/// <see cref="Window"/> away from now in either direction (replay protection).
/// </summary>
public sealed class RequestVerifier
{
    /// <summary>Slack's documented tolerance: five minutes.</summary>
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromMinutes(5);

    private const string Version = "v0";
    private const int HashBytes = 32;
    private readonly byte[] key;
    private readonly TimeProvider time;

    public RequestVerifier(string signingSecret, TimeProvider time, TimeSpan? window = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(signingSecret);
        key = Encoding.UTF8.GetBytes(signingSecret);
        this.time = time;
        Window = window ?? DefaultWindow;
    }

    public TimeSpan Window { get; }

    /// <summary>Verifies a request whose raw body is text (UTF-8 on the wire).</summary>
    public VerificationResult Verify(string? timestamp, string? signature, string body) =>
        Verify(timestamp, signature, Encoding.UTF8.GetBytes(body));

    /// <summary>Verifies a request from its <c>X-Slack-Request-Timestamp</c>, <c>X-Slack-Signature</c> and raw body bytes.</summary>
    public VerificationResult Verify(string? timestamp, string? signature, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrWhiteSpace(timestamp))
        {
            return VerificationResult.Fail(VerificationFailure.MissingTimestamp, "missing X-Slack-Request-Timestamp header");
        }

        if (timestamp.Length > 12 || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return VerificationResult.Fail(VerificationFailure.MalformedTimestamp, "X-Slack-Request-Timestamp is not a number of seconds");
        }

        var now = time.GetUtcNow().ToUnixTimeSeconds();
        if (Math.Abs(now - seconds) > (long)Window.TotalSeconds)
        {
            return VerificationResult.Fail(
                VerificationFailure.StaleTimestamp,
                string.Create(CultureInfo.InvariantCulture, $"request timestamp is {now - seconds} s away from now (allowed ±{(long)Window.TotalSeconds} s)"));
        }

        if (string.IsNullOrWhiteSpace(signature))
        {
            return VerificationResult.Fail(VerificationFailure.MissingSignature, "missing X-Slack-Signature header");
        }

        if (!TryDecode(signature.Trim(), out var given))
        {
            return VerificationResult.Fail(VerificationFailure.MalformedSignature, "X-Slack-Signature is not 'v0=' followed by 64 hex digits");
        }

        var expected = Compute(key, timestamp, body);
        return CryptographicOperations.FixedTimeEquals(expected, given)
            ? VerificationResult.Valid
            : VerificationResult.Fail(VerificationFailure.SignatureMismatch, "signature does not match");
    }

    /// <summary>The signature Slack would send for this request (<c>v0=…</c>); tests and the stand-in Slack use it to sign.</summary>
    public static string ComputeSignature(string signingSecret, string timestamp, string body)
    {
        var hash = Compute(Encoding.UTF8.GetBytes(signingSecret), timestamp, Encoding.UTF8.GetBytes(body));
        return Version + "=" + Convert.ToHexStringLower(hash);
    }

    private static byte[] Compute(byte[] key, string timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes($"{Version}:{timestamp}:");
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        hmac.AppendData(prefix);
        hmac.AppendData(body);
        return hmac.GetHashAndReset();
    }

    private static bool TryDecode(string signature, out byte[] bytes)
    {
        bytes = [];
        if (!signature.StartsWith(Version + "=", StringComparison.Ordinal) || signature.Length != Version.Length + 1 + (HashBytes * 2))
        {
            return false;
        }

        try
        {
            bytes = Convert.FromHexString(signature.AsSpan(Version.Length + 1));
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
