namespace DrillBot.Drills.Tests.Definitions;

/// <summary>A small valid drills file; tests replace one line to break one rule.</summary>
internal static class SampleYaml
{
    public const string Valid = """
        clusters:
          hangzhou: { context: ack-hangzhou }
          mesh: { context: asm }
        defaults: { namespace: default, timeZone: Asia/Shanghai }
        blackouts:
          - { name: weekend, cron: "* * * ? * SAT,SUN" }
        drills:
          - name: failover
            schedule: "0 0 3 ? * TUE"
            probe:
              url: ${URL:-http://127.0.0.1:1/productpage}
              interval: 100ms
              timeout: 2s
              classify:
                - { class: cn-shanghai, bodyMatches: "full stars|reviews-v2" }
                - { class: degraded, bodyContains: "unavailable", ok: false }
                - { class: cn-hangzhou, status: 200 }
            steadyState: { duration: 3s, minOkRatio: 1.0 }
            steps:
              - scale: { cluster: hangzhou, deployment: reviews-v1, replicas: 0, fault: true }
              - enableFailover:
                  cluster: mesh
                  destinationRule: reviews
                  failover: [ { from: cn-hangzhou, to: cn-shanghai } ]
                  outlierDetection: { consecutive5xxErrors: 1, interval: 1s, baseEjectionTime: 1m }
            expect:
              recovery: { servedBy: cn-shanghai, within: 30s, stableFor: 5s }
              share: { cn-shanghai: { atLeast: 0.95 } }
            observeFor: 1m30s
            timeout: 5m
          - name: distribution
            probe:
              url: http://127.0.0.1:1/productpage
              interval: 50ms
              classify: [ { class: ok, status: 200 } ]
            steps:
              - distributeTraffic:
                  cluster: mesh
                  destinationRule: reviews
                  distribute:
                    - { from: cn-hangzhou/*, to: { "cn-hangzhou/*": 90, "cn-shanghai/*": 10 } }
              - wait: 1s
            expect: { share: { ok: { between: [0.05, 0.15] } }, minSamples: 200 }
            observeFor: 30s
        """;

    public static string Replace(string oldText, string newText)
    {
        if (!Valid.Contains(oldText, StringComparison.Ordinal))
        {
            throw new ArgumentException($"the sample does not contain '{oldText}'", nameof(oldText));
        }

        return Valid.Replace(oldText, newText, StringComparison.Ordinal);
    }
}
