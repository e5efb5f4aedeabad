namespace DrillBot.Lab.Tests.Mesh.Faults;

/// <summary>EnvoyFilter inbound faults: the selected pods answer 503 themselves — outlier detection sees real upstream 5xx.</summary>
public sealed class EnvoyFilterFaultTests
{
    [Test]
    public async Task InboundAbortOnV1_FailoverMaxEjection100_EjectsAndServesFromShanghai()
    {
        await using var lab = await TestLab.StartAsync();
        await MeshPolicies.PatchReviewsAsync(lab, MeshPolicies.Failover);
        await FaultPolicies.CreateEnvoyFilterAsync(lab, FaultPolicies.InboundAbort());

        var counts = await lab.CountVersionsAsync(20);
        var first = (await lab.RequestsAsync())[0]["hops"]!.AsArray();

        Assert.That(counts, Is.EquivalentTo(new Dictionary<string, int> { ["reviews-v2"] = 20 }), "the one 503 was retried on cn-shanghai");
        var ejected = lab.EventsOf(LabEventKinds.EndpointEjected).Single();
        Assert.That(ejected.Object, Does.Contain("/reviews/reviews-v1-"));
        Assert.That(ejected.Detail, Does.Contain("hosts=2 ejectedBefore=0 maxEjectionPercent=100"));
        Assert.That(lab.EventsOf(LabEventKinds.FirstResponse).Last().Region, Is.EqualTo("cn-shanghai"));
        Assert.That(first.Select(h => (h!["destination"]!.ToString()[..10], h["status"]!.GetValue<int>(), h["injectedBy"]?.ToString(), h["attempt"]!.GetValue<int>())),
            Is.EqualTo(new[] { ("reviews-v1", 503, (string?)"server", 1), ("reviews-v2", 200, null, 2) }));
        Assert.That(lab.EventsOf(LabEventKinds.FaultInjected).Single().Detail, Does.Contain("inbound sidecar"));
    }

    [Test]
    public async Task InboundAbortOnV1_FailoverDefaultMaxEjection_NothingEjectedAndDegraded()
    {
        await using var lab = await TestLab.StartAsync();
        await MeshPolicies.PatchReviewsAsync(lab, FaultPolicies.FailoverDefaultMaxEjection);
        await FaultPolicies.CreateEnvoyFilterAsync(lab, FaultPolicies.InboundAbort());

        var counts = await lab.CountVersionsAsync(10);
        var hops = (await lab.RequestsAsync()).SelectMany(r => r["hops"]!.AsArray()).ToList();

        // (0 + 1) / 2 hosts = 50 % > 10 %: never ejected, so the local priority keeps all the load and every
        // retry (previous_hosts finds no other host in it) lands on reviews-v1 again.
        Assert.That(counts, Is.EquivalentTo(new Dictionary<string, int> { ["sorry"] = 10 }));
        Assert.That(lab.EventsOf(LabEventKinds.EndpointEjected), Is.Empty);
        Assert.That(hops, Has.Count.EqualTo(10 * 2 * 3), "2 productpage tries x (1 + 2 Istio retries)");
        Assert.That(hops.Select(h => h!["destination"]!.ToString()[..10]), Has.All.EqualTo("reviews-v1"));
    }

    [Test]
    public async Task InboundAbortOnV1_LegacyEjection_FirstHostEjected()
    {
        await using var lab = await TestLab.StartAsync(TestLab.Fast() with { Envoy = LabEnvoyEjection.LegacyEjection });
        await MeshPolicies.PatchReviewsAsync(lab, FaultPolicies.FailoverDefaultMaxEjection);
        await FaultPolicies.CreateEnvoyFilterAsync(lab, FaultPolicies.InboundAbort());

        var counts = await lab.CountVersionsAsync(10);

        Assert.That(counts, Is.EquivalentTo(new Dictionary<string, int> { ["reviews-v2"] = 10 }));
        Assert.That(lab.EventsOf(LabEventKinds.EndpointEjected).Single().Object, Does.Contain("reviews-v1-"));
    }

    [Test]
    public async Task InboundAbortOnV1_AlwaysEjectOneHostKnob_FirstHostEjected()
    {
        await using var lab = await TestLab.StartAsync(TestLab.Fast() with { Mesh = new LabMeshSettings { AlwaysEjectOneHost = true } });
        await MeshPolicies.PatchReviewsAsync(lab, FaultPolicies.FailoverDefaultMaxEjection);
        await FaultPolicies.CreateEnvoyFilterAsync(lab, FaultPolicies.InboundAbort());

        var counts = await lab.CountVersionsAsync(10);

        Assert.That(counts, Is.EquivalentTo(new Dictionary<string, int> { ["reviews-v2"] = 10 }));
        Assert.That(lab.EventsOf(LabEventKinds.EndpointEjected).Count(), Is.EqualTo(1));
    }

    [TestCase("reviews-cluster", "INSERT_BEFORE", "SIDECAR_INBOUND", "CLUSTER", 100, "applyTo CLUSTER")]
    [TestCase("reviews-outbound", "INSERT_BEFORE", "SIDECAR_OUTBOUND", "HTTP_FILTER", 100, "match.context SIDECAR_OUTBOUND")]
    [TestCase("reviews-add", "ADD", "SIDECAR_INBOUND", "HTTP_FILTER", 100, "after envoy.filters.http.router")]
    [TestCase("reviews-replace", "REPLACE", "SIDECAR_INBOUND", "HTTP_FILTER", 100, "patch.operation REPLACE")]
    [TestCase("reviews-zero", "INSERT_BEFORE", "SIDECAR_INBOUND", "HTTP_FILTER", 0, "percentage 0")]
    public async Task UninterpretableForm_StoredAndReportedNotModelled_NoFault(string name, string operation, string context, string applyTo, int numerator, string why)
    {
        await using var lab = await TestLab.StartAsync();
        await MeshPolicies.PatchReviewsAsync(lab, MeshPolicies.Failover);

        await FaultPolicies.CreateEnvoyFilterAsync(lab, FaultPolicies.InboundAbort(name, operation, context, applyTo, numerator));
        var counts = await lab.CountVersionsAsync(10);

        Assert.That(lab.Host.GetObjectJson("asm", "EnvoyFilter", "default", name), Does.Contain("\"apiVersion\":\"networking.istio.io/v1alpha3\""));
        var report = lab.EventsOf(LabEventKinds.NotModelled).Single();
        Assert.That(report.Object, Is.EqualTo($"EnvoyFilter/default/{name}"));
        Assert.That(report.Detail, Does.StartWith("not modelled: configPatches[0]: ").And.Contain(why));
        Assert.That(counts, Is.EquivalentTo(new Dictionary<string, int> { ["reviews-v1"] = 10 }), "never silently treated as a working fault");
        Assert.That(lab.EventsOf(LabEventKinds.EndpointEjected), Is.Empty);
    }

    [TestCase("INSERT_FIRST")]
    [TestCase("MERGE")]
    public async Task OtherModelledPlacements_AbortLikeInsertBefore(string operation)
    {
        await using var lab = await TestLab.StartAsync();
        await MeshPolicies.PatchReviewsAsync(lab, MeshPolicies.Failover);
        var json = FaultPolicies.InboundAbort(operation: operation);
        json = operation == "MERGE" ? json.Replace("envoy.filters.http.router", "envoy.filters.http.fault", StringComparison.Ordinal) : json;

        await FaultPolicies.CreateEnvoyFilterAsync(lab, json);
        var counts = await lab.CountVersionsAsync(5);

        Assert.That(counts, Is.EquivalentTo(new Dictionary<string, int> { ["reviews-v2"] = 5 }));
        Assert.That(lab.EventsOf(LabEventKinds.EndpointEjected).Single().Object, Does.Contain("reviews-v1-"));
        Assert.That(lab.EventsOf(LabEventKinds.NotModelled), Is.Empty);
    }
}
