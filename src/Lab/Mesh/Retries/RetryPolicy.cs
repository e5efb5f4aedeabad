using System.Globalization;

namespace DrillBot.Lab.Mesh;

/// <summary>
/// An Envoy route retry policy as Istio builds it. Istio's default (no VirtualService <c>retries</c>):
/// 2 retries on <c>connect-failure,refused-stream,unavailable,cancelled,retriable-status-codes</c> with
/// retriable status 503 and the <c>previous_hosts</c> host predicate. A VirtualService <c>retries</c> block
/// replaces the count and, when it names <c>retryOn</c>, the conditions (integers in it are status codes).
/// </summary>
internal sealed record RetryPolicy(int Attempts, IReadOnlySet<string> On, IReadOnlySet<int> Statuses)
{
    public const string DefaultRetryOn = "connect-failure,refused-stream,unavailable,cancelled,retriable-status-codes";

    /// <summary>Istio's default policy with <paramref name="attempts"/> retries (the topology's <c>istio.retryAttempts</c>).</summary>
    public static RetryPolicy Default(int attempts) => new(attempts, Conditions(DefaultRetryOn).On, new HashSet<int> { 503 });

    /// <summary>A VirtualService <c>retries</c> block: attempts 0 disables retries; retryOn replaces the conditions.</summary>
    public static RetryPolicy FromVirtualService(int attempts, string? retryOn, int defaultAttempts)
    {
        var basis = Default(defaultAttempts);
        if (string.IsNullOrWhiteSpace(retryOn))
        {
            return basis with { Attempts = attempts };
        }

        var (on, statuses) = Conditions(retryOn);
        if (statuses.Count > 0)
        {
            on.Add("retriable-status-codes");
        }

        return new RetryPolicy(attempts, on, statuses);
    }

    /// <summary>Whether an attempt that ended with <paramref name="status"/> (0 = connection refused) is retried.</summary>
    public bool Retries(int status) => status switch
    {
        0 => On.Contains("connect-failure") || On.Contains("5xx") || On.Contains("gateway-error") || On.Contains("reset"),
        >= 500 and < 600 when On.Contains("5xx") => true,
        502 or 503 or 504 when On.Contains("gateway-error") => true,
        _ => On.Contains("retriable-status-codes") && Statuses.Contains(status),
    };

    public string Describe() => $"attempts={Attempts} retryOn={string.Join(",", On.Order(StringComparer.Ordinal))}"
        + (Statuses.Count > 0 ? " statuses=" + string.Join(",", Statuses.Order()) : "");

    private static (HashSet<string> On, HashSet<int> Statuses) Conditions(string retryOn)
    {
        var on = new HashSet<string>(StringComparer.Ordinal);
        var statuses = new HashSet<int>();
        foreach (var part in retryOn.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var code))
            {
                statuses.Add(code);
            }
            else
            {
                on.Add(part);
            }
        }

        return (on, statuses);
    }
}
