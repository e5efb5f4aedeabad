namespace DrillBot.Lab.Tests.Mesh.Retries;

/// <summary>Istio's default retries and Bookinfo productpage's own retry, counted per hop in /lab/requests.</summary>
public sealed class RetryTests
{
    [Test]
    public async Task Host503_RetriedOnAnotherHost_NeverReachesTheUser_HopRecordShowsIt()
    {
        await using var lab = await TestLab.StartAsync();
        await FaultPolicies.CreateEnvoyFilterAsync(lab, FaultPolicies.InboundAbort());

        var counts = await lab.CountVersionsAsync(10);
        var records = await lab.RequestsAsync();

        Assert.That(counts, Is.EquivalentTo(new Dictionary<string, int> { ["reviews-v2"] = 10 }));
        var retried = records.Where(r => r["hops"]!.AsArray().Count == 2).ToList();
        Assert.That(retried, Is.Not.Empty, "round robin sends some first attempts to reviews-v1");
        foreach (var record in retried)
        {
            var hops = record["hops"]!.AsArray();
            Assert.That((hops[0]!["destination"]!.ToString()[..10], hops[0]!["status"]!.GetValue<int>(), hops[0]!["call"]!.GetValue<int>(), hops[0]!["attempt"]!.GetValue<int>()),
                Is.EqualTo(("reviews-v1", 503, 1, 1)));
            Assert.That((hops[1]!["destination"]!.ToString()[..10], hops[1]!["status"]!.GetValue<int>(), hops[1]!["call"]!.GetValue<int>(), hops[1]!["attempt"]!.GetValue<int>()),
                Is.EqualTo(("reviews-v2", 200, 1, 2)), "the sidecar's retry, to another host (previous_hosts)");
            Assert.That(record["status"]!.GetValue<int>(), Is.EqualTo(200));
            Assert.That(record["reviewsServedBy"]!.ToString(), Does.StartWith("reviews-v2-"));
            Assert.That(hops[0]!["source"]!.ToString(), Does.StartWith("productpage-v1-"));
        }

        Assert.That(lab.EventsOf(LabEventKinds.EndpointEjected), Is.Empty, "no outlierDetection: nothing ejected");
    }

    [Test]
    public async Task VirtualServiceRetriesAttemptsZero_ProductpageItselfRetriesOnce()
    {
        await using var lab = await TestLab.StartAsync();
        await FaultPolicies.CreateEnvoyFilterAsync(lab, FaultPolicies.InboundAbort());
        await FaultPolicies.CreateReviewsRouteAsync(lab, retries: """{"attempts":0}""");

        var counts = await lab.CountVersionsAsync(10);
        var records = await lab.RequestsAsync();

        Assert.That(counts, Is.EquivalentTo(new Dictionary<string, int> { ["reviews-v2"] = 10 }), "productpage.py's second try lands on reviews-v2");
        var twice = records.Where(r => r["hops"]!.AsArray().Count == 2).ToList();
        Assert.That(twice, Is.Not.Empty);
        Assert.That(twice.SelectMany(r => r["hops"]!.AsArray()).Select(h => h!["attempt"]!.GetValue<int>()), Has.All.EqualTo(1), "no sidecar retry");
        Assert.That(twice.Select(r => r["hops"]![1]!["call"]!.GetValue<int>()), Has.All.EqualTo(2));
    }

    [Test]
    public async Task Upstream500_DefaultPolicyDoesNotRetry_RetryOn5xxDoes()
    {
        await using var lab = await TestLab.StartAsync();
        var filter = FaultPolicies.InboundAbort().Replace("\"http_status\":503", "\"http_status\":500", StringComparison.Ordinal);
        await FaultPolicies.CreateEnvoyFilterAsync(lab, filter);

        var byDefault = await lab.CountVersionsAsync(10);
        var defaultHops = (await lab.RequestsAsync()).SelectMany(r => r["hops"]!.AsArray()).ToList();
        await FaultPolicies.CreateReviewsRouteAsync(lab, retries: """{"attempts":2,"retryOn":"5xx"}""");
        var after = await lab.CountVersionsAsync(10);
        var fiveXxHops = (await lab.RequestsAsync(10)).SelectMany(r => r["hops"]!.AsArray()).ToList();

        // Istio's default retries 503 only: a 500 goes back to productpage, whose own second try succeeds.
        Assert.That(byDefault, Is.EquivalentTo(new Dictionary<string, int> { ["reviews-v2"] = 10 }));
        Assert.That(defaultHops.Where(h => h!["status"]!.GetValue<int>() == 500), Is.Not.Empty);
        Assert.That(defaultHops.Select(h => h!["attempt"]!.GetValue<int>()), Has.All.EqualTo(1), "the default policy does not retry 500");
        Assert.That(after, Is.EquivalentTo(new Dictionary<string, int> { ["reviews-v2"] = 10 }));
        Assert.That(fiveXxHops.Where(h => h!["status"]!.GetValue<int>() == 200).Select(h => (h!["call"]!.GetValue<int>(), h["attempt"]!.GetValue<int>())),
            Has.Some.EqualTo((1, 2)), "retryOn 5xx: the sidecar retries the 500");
    }
}
