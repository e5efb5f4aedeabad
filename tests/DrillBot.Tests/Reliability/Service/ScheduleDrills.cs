namespace DrillBot.Tests.Reliability.Service;

/// <summary>
/// drills.yaml for the replica tests: <c>tick</c>, a cheap drill on a frequent schedule (steady state 0.2 s, one
/// distributeTraffic change on the reviews DestinationRule, observe 0.6 s: about a second a run), so fires can be
/// counted against runs.
/// </summary>
internal static class ScheduleDrills
{
    public const string Tick = "tick";

    public static string Yaml(string? tickSchedule) => $$"""
        clusters:
          hangzhou: { context: ack-hangzhou }
          shanghai: { context: ack-shanghai }
          mesh:     { context: asm }
        defaults: { namespace: default, timeZone: UTC }
        blackouts: []
        drills:
          - name: {{Tick}}
            description: Send 10 % of cn-hangzhou's reviews traffic to cn-shanghai for a moment.
        {{(tickSchedule is null ? string.Empty : $"    schedule: \"{tickSchedule}\"\n")}}    probe:
              url: ${PRODUCTPAGE_URL}
              interval: 25ms
              timeout: 1s
              classify:
                - { class: cn-shanghai, bodyMatches: "full stars|text-black-500|reviews-v2" }
                - { class: degraded, bodyContains: "product reviews are currently unavailable", ok: false }
                - { class: cn-hangzhou, status: 200 }
            steadyState: { duration: 200ms, minOkRatio: 1.0 }
            steps:
              - distributeTraffic:
                  cluster: mesh
                  destinationRule: reviews
                  distribute:
                    - from: cn-hangzhou/*
                      to: { "cn-hangzhou/*": 90, "cn-shanghai/*": 10 }
                  outlierDetection: { consecutive5xxErrors: 5, interval: 10s, baseEjectionTime: 30s }
            expect:
              share: { cn-shanghai: { between: [0.0, 0.6] } }
              minSamples: 5
            observeFor: 600ms
            restore: { verifyWithin: 3s }
            timeout: 30s
        """;
}
