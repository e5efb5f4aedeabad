using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using k8s.Autorest;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace DrillBot.Drills.Cluster;

/// <summary>
/// Runs one API call through the resilience pipeline (retry 429/5xx/connection errors with jittered
/// exponential backoff, honouring Retry-After; a timeout per attempt) and maps what is left into a
/// <see cref="ClusterError"/> naming cluster, verb and object.
/// </summary>
internal sealed class ClusterCall
{
    private readonly ResiliencePipeline _pipeline;
    private readonly string _cluster;

    public ClusterCall(string cluster, TimeProvider time, ClusterRetryOptions options)
    {
        _cluster = cluster;
        _pipeline = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(IsTransient),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                MaxRetryAttempts = options.MaxRetries,
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Exception)),
            })
            .AddTimeout(options.AttemptTimeout)
            .Build();
    }

    public async Task<ClusterResult<T>> RunAsync<T>(string verb, string what, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            var value = await _pipeline.ExecuteAsync(async ct => await call(ct), cancellationToken);
            return ClusterResult<T>.Success(value);
        }
        catch (HttpOperationException e)
        {
            return ClusterResult<T>.Failure(Map(verb, what, e));
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && (IsTransient(e) || e is TimeoutRejectedException or OperationCanceledException))
        {
            return ClusterResult<T>.Failure(new ClusterError(ClusterErrorKind.Unavailable, null, $"cluster {_cluster}: {verb} {what} failed: {e.Message}"));
        }
    }

    private static bool IsTransient(Exception e) => e switch
    {
        HttpOperationException h => (int)h.Response.StatusCode is 429 or 500 or 502 or 503 or 504,
        HttpRequestException or IOException or SocketException or TimeoutRejectedException => true,
        _ => false,
    };

    private static TimeSpan? RetryAfter(Exception? e)
    {
        if (e is HttpOperationException { Response: { } response } && response.Headers is { } headers
            && headers.TryGetValue("Retry-After", out var values)
            && int.TryParse(values.FirstOrDefault(), out var seconds) && seconds is >= 0 and <= 60)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return null;
    }

    private ClusterError Map(string verb, string what, HttpOperationException e)
    {
        var status = (int)e.Response.StatusCode;
        var kind = e.Response.StatusCode switch
        {
            HttpStatusCode.NotFound => ClusterErrorKind.NotFound,
            HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized => ClusterErrorKind.Forbidden,
            HttpStatusCode.Conflict => ClusterErrorKind.Conflict,
            HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity => ClusterErrorKind.Invalid,
            _ => ClusterErrorKind.Unavailable,
        };
        return new ClusterError(kind, status, $"cluster {_cluster}: {verb} {what} was refused: {status} {e.Response.ReasonPhrase}{StatusMessage(e.Response.Content)}");
    }

    private static string StatusMessage(string? content)
    {
        try
        {
            using var doc = JsonDocument.Parse(content ?? "{}");
            return doc.RootElement.TryGetProperty("message", out var m) ? $": {m.GetString()}" : string.Empty;
        }
        catch (JsonException)
        {
            return string.Empty;
        }
    }
}
