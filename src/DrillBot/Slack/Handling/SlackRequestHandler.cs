using System.Security.Cryptography;
using System.Text;
using DrillBot.Slack.Commands;
using DrillBot.Slack.Interactions;
using DrillBot.Slack.Verification;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DrillBot.Slack.Handling;

/// <summary>
/// The HTTP side of <c>POST /slack/commands</c> and <c>POST /slack/interactions</c>: size, signature
/// and content-type checks, then <see cref="SlackCommandProcessor"/>. The endpoint maps the request to
/// a <see cref="SlackHttpRequest"/> and writes the <see cref="SlackHttpResponse"/> back as it is.
/// </summary>
public sealed class SlackRequestHandler
{
    private const string FormContentType = "application/x-www-form-urlencoded";
    private readonly SlackHandlerOptions options;
    private readonly SlackCommandProcessor processor;
    private readonly RequestVerifier? verifier;
    private readonly ILogger logger;

    public SlackRequestHandler(SlackHandlerOptions options, SlackCommandProcessor processor, TimeProvider time, ILogger<SlackRequestHandler>? logger = null)
    {
        this.options = options;
        this.processor = processor;
        this.logger = logger ?? (ILogger)NullLogger.Instance;
        verifier = string.IsNullOrEmpty(options.SigningSecret) ? null : new RequestVerifier(options.SigningSecret, time, options.SignatureWindow);
    }

    /// <summary><c>POST /slack/commands</c>.</summary>
    public async Task<SlackHttpResponse> HandleCommandAsync(SlackHttpRequest request)
    {
        if (Check(request, "command") is { } refused)
        {
            return refused;
        }

        var command = SlashCommand.FromForm(FormBody.Parse(request.Body));
        if (command.IsSslCheck)
        {
            return SlackHttpResponse.Empty("command", "ssl_check");
        }

        var (reply, result) = await processor.HandleSlashCommandAsync(command, DeliveryKey("command", command.TriggerId, request.Body)).ConfigureAwait(false);
        return SlackHttpResponse.Json("command", result, reply.ToJsonString());
    }

    /// <summary><c>POST /slack/interactions</c>.</summary>
    public async Task<SlackHttpResponse> HandleInteractionAsync(SlackHttpRequest request)
    {
        if (Check(request, "interaction") is { } refused)
        {
            return refused;
        }

        if (!BlockActionsPayload.TryParseForm(request.Body, out var payload, out var problem))
        {
            SlackLog.RequestRefused(logger, "interaction", problem);
            return SlackHttpResponse.Error(400, "interaction", "bad_request", "Bad interaction: " + problem);
        }

        var result = await processor.HandleBlockActionsAsync(payload, DeliveryKey("action", payload.TriggerId, request.Body)).ConfigureAwait(false);
        return SlackHttpResponse.Empty("interaction", result);
    }

    /// <summary>The idempotency key of a delivery: its trigger_id, else a hash of the body (identical on redelivery).</summary>
    internal static string DeliveryKey(string kind, string triggerId, string body) =>
        !string.IsNullOrWhiteSpace(triggerId) && triggerId.Length <= 200
            ? $"slack/{kind}/{triggerId}"
            : $"slack/{kind}/body-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)))}";

    private SlackHttpResponse? Check(SlackHttpRequest request, string kind)
    {
        if (Encoding.UTF8.GetByteCount(request.Body) > options.MaxBodyBytes)
        {
            return Refuse(413, kind, "too_large", $"Body larger than {options.MaxBodyBytes} bytes.");
        }

        if (verifier is null)
        {
            return Refuse(401, kind, "unauthorized", "Request verification is not configured (SLACK_SIGNING_SECRET).");
        }

        var verification = verifier.Verify(request.Timestamp, request.Signature, request.Body);
        if (!verification.IsValid)
        {
            return Refuse(401, kind, "unauthorized", "Invalid Slack request: " + verification.Reason + ".");
        }

        var mediaType = request.ContentType?.Split(';')[0].Trim();
        return string.Equals(mediaType, FormContentType, StringComparison.OrdinalIgnoreCase)
            ? null
            : Refuse(415, kind, "unsupported_media_type", $"Expected {FormContentType}, got '{request.ContentType}'.");
    }

    private SlackHttpResponse Refuse(int status, string kind, string result, string message)
    {
        SlackLog.RequestRefused(logger, kind, message);
        return SlackHttpResponse.Error(status, kind, result, message);
    }
}
