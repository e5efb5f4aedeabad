using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.CircuitBreaker;

namespace DrillBot.Slack.WebApi;

/// <summary>
/// DrillBot's own small Slack Web API client (names mirror Slack.NetStandard): <see cref="Chat"/>
/// (<c>chat.postMessage</c>, <c>chat.update</c>), <see cref="Apps"/> (<c>apps.connections.open</c>)
/// and posts to a <c>response_url</c>. Every call goes through one shared resilience pipeline, so
/// register the client as a singleton (the circuit breaker's state lives in it). Calls return a
/// <see cref="SlackApiResponse"/> and never throw for Slack or network errors; only cancellation
/// of the caller's token throws.
/// </summary>
public sealed class SlackWebApiClient
{
    private readonly HttpClient http;
    private readonly SlackWebApiOptions options;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly ResiliencePipeline<SlackHttpAnswer> pipeline;
    private readonly CircuitBreakerStateProvider circuit = new();

    public SlackWebApiClient(HttpClient http, SlackWebApiOptions options, TimeProvider time, ILogger<SlackWebApiClient>? logger = null)
    {
        this.http = http;
        this.options = options;
        this.time = time;
        this.logger = logger ?? (ILogger)NullLogger.Instance;
        pipeline = SlackResiliencePipeline.Build(options.Resilience, time, this.logger, circuit);
        Chat = new ChatApi(this);
        Apps = new AppsApi(this);
        Usergroups = new UsergroupsApi(this);
    }

    /// <summary><c>chat.*</c> methods.</summary>
    public ChatApi Chat { get; }

    /// <summary><c>apps.*</c> methods.</summary>
    public AppsApi Apps { get; }

    /// <summary><c>usergroups.*</c> methods (scope <c>usergroups:read</c>).</summary>
    public UsergroupsApi Usergroups { get; }

    /// <summary>Closed, Open, HalfOpen or Isolated: for readiness detail and tests.</summary>
    public CircuitState CircuitState => circuit.CircuitState;

    /// <summary>Posts a reply to a slash command's or interaction's <c>response_url</c> (no token: the URL is the credential).</summary>
    public Task<SlackApiResponse> PostToResponseUrl(Uri responseUrl, JsonObject body, CancellationToken cancellationToken) =>
        SendAsync("response_url", responseUrl, body, bearer: null, cancellationToken);

    internal Task<SlackApiResponse> CallAsync(string method, JsonObject body, string? token, CancellationToken cancellationToken) =>
        SendAsync(method, new Uri(options.ApiBase, method), body, token ?? options.BotToken, cancellationToken);

    /// <summary>A read method with form-encoded arguments (Slack's read methods take <c>application/x-www-form-urlencoded</c>).</summary>
    internal Task<SlackApiResponse> CallFormAsync(string method, IReadOnlyDictionary<string, string> arguments, CancellationToken cancellationToken) =>
        SendAsync(
            method,
            new Uri(options.ApiBase, method),
            string.Join('&', arguments.Select(a => Uri.EscapeDataString(a.Key) + "=" + Uri.EscapeDataString(a.Value))),
            "application/x-www-form-urlencoded",
            options.BotToken,
            cancellationToken);

    private Task<SlackApiResponse> SendAsync(string method, Uri url, JsonObject body, string? bearer, CancellationToken cancellationToken) =>
        SendAsync(method, url, body.ToJsonString(), "application/json", bearer, cancellationToken);

    private async Task<SlackApiResponse> SendAsync(string method, Uri url, string json, string mediaType, string? bearer, CancellationToken cancellationToken)
    {
        var outcome = await pipeline.ExecuteOutcomeAsync(
            static async (context, state) =>
            {
                try
                {
                    return Outcome.FromResult(await state.client.AttemptAsync(state.url, state.json, state.mediaType, state.bearer, context.CancellationToken).ConfigureAwait(false));
                }
                catch (Exception e) when (e is HttpRequestException or IOException or OperationCanceledException)
                {
                    return Outcome.FromException<SlackHttpAnswer>(e);
                }
            },
            ResilienceContextPool.Shared.Get(cancellationToken),
            (client: this, url, json, mediaType, bearer)).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        var response = Classify(outcome, method == "response_url");
        if (response.Status == SlackCallStatus.Rejected)
        {
            SlackLog.WebApiRejected(logger, method, response.Error ?? "unknown");
        }

        return response;
    }

    private async Task<SlackHttpAnswer> AttemptAsync(Uri url, string content, string mediaType, string? bearer, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(content, Encoding.UTF8, mediaType),
        };
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        using var answer = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        var text = await answer.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return new SlackHttpAnswer((int)answer.StatusCode, text, RetryAfter(answer));
    }

    private TimeSpan? RetryAfter(HttpResponseMessage answer)
    {
        var header = answer.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return answer.StatusCode == System.Net.HttpStatusCode.TooManyRequests ? TimeSpan.FromSeconds(1) : null;
    }

    private static SlackApiResponse Classify(Outcome<SlackHttpAnswer> outcome, bool responseUrl)
    {
        if (outcome.Exception is BrokenCircuitException broken)
        {
            return new SlackApiResponse { Status = SlackCallStatus.CircuitOpen, Error = "circuit_open", RetryAfter = broken.RetryAfter };
        }

        if (outcome.Exception is { } e)
        {
            var error = e is Polly.Timeout.TimeoutRejectedException or OperationCanceledException ? "timeout" : "network_error: " + e.GetType().Name;
            return new SlackApiResponse { Status = SlackCallStatus.Unavailable, Error = error };
        }

        var answer = outcome.Result!;
        if (answer.IsRateLimited)
        {
            return new SlackApiResponse { Status = SlackCallStatus.RateLimited, Error = "ratelimited", HttpStatus = answer.StatusCode, RetryAfter = answer.RetryAfter ?? TimeSpan.FromSeconds(1) };
        }

        if (answer.IsServerError)
        {
            return new SlackApiResponse { Status = SlackCallStatus.Unavailable, Error = answer.SlackError ?? $"http_{answer.StatusCode}", HttpStatus = answer.StatusCode };
        }

        var json = answer.Json;
        var ok = responseUrl
            ? answer.StatusCode is >= 200 and < 300 && json?["ok"]?.GetValueKind() != System.Text.Json.JsonValueKind.False
            : answer.StatusCode is >= 200 and < 300 && json?["ok"]?.GetValueKind() == System.Text.Json.JsonValueKind.True;
        return new SlackApiResponse
        {
            Status = ok ? SlackCallStatus.Ok : SlackCallStatus.Rejected,
            Error = ok ? null : answer.SlackError ?? $"http_{answer.StatusCode}",
            Ts = Str(json, "ts"),
            Channel = Str(json, "channel"),
            Url = Str(json, "url"),
            HttpStatus = answer.StatusCode,
            Body = ok ? json : null,
        };
    }

    private static string? Str(JsonObject? json, string name) =>
        json?[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
