using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace DrillBot.Slack.WebApi;

/// <summary>
/// Builds the Polly 8 pipeline for Web API calls, outermost first: retry (honours 429
/// <c>Retry-After</c> through <c>DelayGenerator</c>, jittered exponential backoff on 5xx and
/// network errors) → circuit breaker (opens during outages; 429 does not count) → timeout per attempt.
/// All strategies use the injected <see cref="TimeProvider"/>.
/// </summary>
internal static class SlackResiliencePipeline
{
    public static ResiliencePipeline<SlackHttpAnswer> Build(
        SlackResilienceOptions options,
        TimeProvider time,
        ILogger logger,
        CircuitBreakerStateProvider stateProvider)
    {
        var builder = new ResiliencePipelineBuilder<SlackHttpAnswer> { TimeProvider = time };
        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<SlackHttpAnswer>
            {
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, options)),
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Result is { IsRateLimited: true, RetryAfter: { } after } ? after : (TimeSpan?)null),
                OnRetry = args =>
                {
                    SlackLog.WebApiRetry(logger, args.AttemptNumber + 1, args.RetryDelay, Describe(args.Outcome));
                    return ValueTask.CompletedTask;
                },
            });
        }

        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions<SlackHttpAnswer>
        {
            FailureRatio = options.FailureRatio,
            MinimumThroughput = options.MinimumThroughput,
            SamplingDuration = options.SamplingDuration,
            BreakDuration = options.BreakDuration,
            StateProvider = stateProvider,
            ShouldHandle = args => ValueTask.FromResult(IsOutage(args.Outcome)),
            OnOpened = args =>
            {
                SlackLog.CircuitOpened(logger, args.BreakDuration, Describe(args.Outcome));
                return ValueTask.CompletedTask;
            },
            OnClosed = _ =>
            {
                SlackLog.CircuitClosed(logger);
                return ValueTask.CompletedTask;
            },
        });
        builder.AddTimeout(options.AttemptTimeout);
        return builder.Build();
    }

    internal static bool IsOutage(Outcome<SlackHttpAnswer> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException or IOException } => true,
        { Exception: TaskCanceledException { InnerException: TimeoutException } } => true, // HttpClient.Timeout
        { Exception: OperationCanceledException } => false,
        { Result: { } answer } => answer.IsServerError,
        _ => false,
    };

    private static bool ShouldRetry(Outcome<SlackHttpAnswer> outcome, SlackResilienceOptions options)
    {
        if (outcome.Result is { IsRateLimited: true } limited)
        {
            return limited.RetryAfter is not { } after || after <= options.MaxInlineRetryAfter;
        }

        return IsOutage(outcome);
    }

    private static string Describe(Outcome<SlackHttpAnswer> outcome) =>
        outcome.Exception is { } e
            ? e.GetType().Name
            : $"HTTP {outcome.Result?.StatusCode} {outcome.Result?.SlackError}".TrimEnd();
}
