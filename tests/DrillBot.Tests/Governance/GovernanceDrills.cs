using DrillBot.Tests.Service.Support;

namespace DrillBot.Tests.Governance;

/// <summary>
/// drills.yaml for the governance tests: <see cref="TestDrills"/> with an <c>approval</c> on reviews-distribution, and
/// (for the freeze across replicas) two slow drills on disjoint clusters, so two runs can be in flight at once.
/// </summary>
internal static class GovernanceDrills
{
    public const string Approver = "U0LEAD";
    public const string SecondApprover = "U0SECOND";
    public const string GroupId = "S0SRELEADS";

    /// <summary>TestDrills with <paramref name="approval"/> (a flow mapping) on reviews-distribution.</summary>
    public static string WithApproval(string approval, TestDrills.Options? options = null) =>
        TestDrills.Yaml(options).Replace(
            "  - name: reviews-distribution\n",
            $"  - name: reviews-distribution\n    approval: {approval}\n",
            StringComparison.Ordinal);

    /// <summary><c>slow-hangzhou</c> scales reviews-v1 in hangzhou, <c>slow-shanghai</c> reviews-v2 in shanghai; each then waits.</summary>
    public static string TwoSlowDrills(string wait = "30s") => $$"""
        clusters:
          hangzhou: { context: ack-hangzhou }
          shanghai: { context: ack-shanghai }
          mesh:     { context: asm }
        defaults: { namespace: default, timeZone: UTC }
        blackouts: []
        drills:
        {{Slow("slow-hangzhou", "hangzhou", "reviews-v1", wait)}}
        {{Slow("slow-shanghai", "shanghai", "reviews-v2", wait)}}
        """;

    private static string Slow(string name, string cluster, string deployment, string wait) => $$"""
          - name: {{name}}
            description: Scale {{deployment}} in {{cluster}} to zero and wait (to be stopped).
            probe:
              url: ${PRODUCTPAGE_URL}
              interval: 50ms
              timeout: 1s
              classify:
                - { class: any, status: 200 }
            steadyState: { duration: 200ms, minOkRatio: 0.0 }
            steps:
              - scale: { cluster: {{cluster}}, deployment: {{deployment}}, replicas: 0, fault: true }
              - wait: {{wait}}
            expect:
              maxErrorRatio: 1.0
            observeFor: 1s
            restore: { verifyWithin: 10s }
            timeout: 120s
        """;
}
