using System.Text;

namespace DrillBot.Tests.Service.Support;

/// <summary>
/// drills.yaml for service tests: the repository's failover and distribution drills (same steps,
/// classes and checks) with short timings for the Lab, plus <c>slow-failover</c>, whose last step
/// waits long enough to abort it mid-drill. Schedules and blackouts are parameters.
/// </summary>
internal static class TestDrills
{
    public sealed record Options
    {
        public string? FailoverSchedule { get; init; }
        public string? DistributionSchedule { get; init; }
        public IReadOnlyList<(string Name, string Cron)> Blackouts { get; init; } = [];
        public string TimeZone { get; init; } = "UTC";
        public string SlowWait { get; init; } = "20s";
    }

    public static string Yaml(Options? options = null)
    {
        options ??= new Options();
        var text = new StringBuilder();
        text.AppendLine($$"""
            clusters:
              hangzhou: { context: ack-hangzhou }
              shanghai: { context: ack-shanghai }
              mesh:     { context: asm }
            defaults: { namespace: default, timeZone: {{options.TimeZone}} }
            """);
        text.AppendLine(options.Blackouts.Count == 0 ? "blackouts: []" : "blackouts:");
        foreach (var (name, cron) in options.Blackouts)
        {
            text.AppendLine($"  - {{ name: {name}, cron: \"{cron}\" }}");
        }

        text.AppendLine("drills:");
        text.Append(Failover("reviews-failover", options.FailoverSchedule, wait: null));
        text.Append(Distribution(options.DistributionSchedule));
        text.Append(Failover("slow-failover", null, options.SlowWait));
        return text.ToString();
    }

    private static string Probe => """
            probe:
              url: ${PRODUCTPAGE_URL}
              interval: 25ms
              timeout: 1s
              classify:
                - { class: cn-shanghai, bodyMatches: "full stars|text-black-500|reviews-v2" }
                - { class: degraded, bodyContains: "product reviews are currently unavailable", ok: false }
                - { class: cn-hangzhou, status: 200 }
            steadyState: { duration: 500ms, minOkRatio: 1.0 }
        """;

    private static string Failover(string name, string? schedule, string? wait) => $$"""
          - name: {{name}}
            description: Lose reviews in cn-hangzhou; cn-shanghai must serve every page.
        {{(schedule is null ? string.Empty : $"    schedule: \"{schedule}\"\n")}}{{Probe}}
            preconditions:
              - readyReplicas: { cluster: shanghai, deployment: reviews-v2, atLeast: 1 }
            steps:
              - scale: { cluster: hangzhou, deployment: reviews-v1, replicas: 0, fault: true }
              - enableFailover:
                  cluster: mesh
                  destinationRule: reviews
                  failover: [ { from: cn-hangzhou, to: cn-shanghai }, { from: cn-shanghai, to: cn-hangzhou } ]
                  outlierDetection: { consecutive5xxErrors: 1, interval: 1s, baseEjectionTime: 1m }
                  maxRequestsPerConnection: 1
        {{(wait is null ? string.Empty : $"      - wait: {wait}\n")}}    expect:
              recovery: { servedBy: cn-shanghai, within: 3s, stableFor: 500ms }
              share: { cn-shanghai: { atLeast: 0.95 } }
              maxErrorRatio: 0.5
            abortIf: { errorRatioAbove: 0.9, for: 2s }
            observeFor: 3s
            restore: { verifyWithin: 5s }
            timeout: 60s

        """;

    private static string Distribution(string? schedule) => $$"""
          - name: reviews-distribution
            description: Send 10 % of cn-hangzhou's reviews traffic to cn-shanghai.
        {{(schedule is null ? string.Empty : $"    schedule: \"{schedule}\"\n")}}{{Probe}}
            steps:
              - distributeTraffic:
                  cluster: mesh
                  destinationRule: reviews
                  distribute:
                    - from: cn-hangzhou/*
                      to: { "cn-hangzhou/*": 90, "cn-shanghai/*": 10 }
                  outlierDetection: { consecutive5xxErrors: 5, interval: 10s, baseEjectionTime: 30s }
            expect:
              share: { cn-shanghai: { between: [0.0, 0.5] } }
              minSamples: 20
            observeFor: 1s
            restore: { verifyWithin: 5s }
            timeout: 60s

        """;
}
