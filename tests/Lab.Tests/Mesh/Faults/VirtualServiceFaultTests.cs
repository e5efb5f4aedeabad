using k8s;

namespace DrillBot.Lab.Tests.Mesh.Faults;

/// <summary>VirtualService faults act in the caller's sidecar: no endpoint, no outlier detection, no retry, no failover.</summary>
public sealed class VirtualServiceFaultTests
{
    [Test]
    public async Task AbortOnV1_WithFailoverArmed_DegradedForAsLongAsTheFaultStaysAndNothingEjected()
    {
        await using var lab = await TestLab.StartAsync();
        await MeshPolicies.PatchReviewsAsync(lab, MeshPolicies.Failover);
        await MeshPolicies.CreateReviewsAbortAsync(lab, "v1");

        var rounds = new List<Dictionary<string, int>>();
        for (var round = 0; round < 4; round++)
        {
            rounds.Add(await lab.CountVersionsAsync(10));
            lab.Time.Advance(TimeSpan.FromSeconds(20));
        }

        var records = await lab.RequestsAsync();
        await lab.Kube("asm").CustomObjects.DeleteNamespacedCustomObjectAsync("networking.istio.io", "v1", "default", "virtualservices", "reviews");
        var healed = await lab.CountVersionsAsync(10);

        Assert.That(rounds, Has.All.EquivalentTo(new Dictionary<string, int> { ["sorry"] = 10 }), "80 s of fault: every page degraded");
        Assert.That(lab.EventsOf(LabEventKinds.EndpointEjected), Is.Empty, "no endpoint ever saw the 503");
        Assert.That(lab.EventsOf(LabEventKinds.FirstResponse).Where(e => e.Region == "cn-shanghai"), Is.Empty, "locality failover never triggers");
        var hops = records.SelectMany(r => r["hops"]!.AsArray()).ToList();
        Assert.That(records, Has.Count.EqualTo(40));
        Assert.That(records.Select(r => r["hops"]!.AsArray().Count), Has.All.EqualTo(2), "productpage tries twice; the sidecar retries neither");
        Assert.That(hops.Select(h => (h!["flag"]!.ToString(), h["status"]!.GetValue<int>(), h["destination"], h["injectedBy"]!.ToString(), h["attempt"]!.GetValue<int>())),
            Has.All.EqualTo(("FI", 503, (System.Text.Json.Nodes.JsonNode?)null, "caller", 1)));
        Assert.That(lab.EventsOf(LabEventKinds.FaultInjected).Single().Detail, Does.Contain("caller's sidecar").And.Contain("no reviews endpoint"));
        Assert.That(healed, Is.EquivalentTo(new Dictionary<string, int> { ["reviews-v1"] = 10 }), "fault removed: failover keeps traffic local");
    }

    [Test]
    public async Task AbortHalfOnV1_DefaultPolicy_HealthyTrafficPinnedToV1()
    {
        await using var lab = await TestLab.StartAsync(seed: 3);
        await MeshPolicies.CreateReviewsAbortAsync(lab, "v1", percent: 50);

        var counts = await lab.CountVersionsAsync(200);

        // Without the route, round robin would send half to v2. With it: each page is two tries, each aborted
        // with p = 0.5, so P(sorry) = 0.25: Binomial(200, 0.25), mean 50, sigma 6.1; 4 sigma either side.
        Assert.That(counts.GetValueOrDefault("reviews-v2"), Is.Zero, "the route's subset v1 pins even the healthy traffic");
        Assert.That(counts.GetValueOrDefault("sorry"), Is.InRange(26, 74));
        Assert.That(counts.GetValueOrDefault("reviews-v1") + counts.GetValueOrDefault("sorry"), Is.EqualTo(200));
    }

    [Test]
    public async Task RouteToMissingSubset_AnswersNoCluster()
    {
        await using var lab = await TestLab.StartAsync();
        await FaultPolicies.CreateReviewsRouteAsync(lab, subset: "v9");

        var (_, body, _) = await lab.ProductpageAsync();
        var hops = (await lab.RequestsAsync()).Single()["hops"]!.AsArray();

        Assert.That(body, Does.Contain("Sorry, product reviews are currently unavailable"));
        Assert.That(hops.Select(h => h!["flag"]!.ToString()), Is.EqualTo(new[] { "NC", "NC" }));
    }

    [Test]
    public async Task Delay7sOnV1_ProductpageTimesOutTwice_UnavailableAfterSixSeconds()
    {
        await using var lab = await TestLab.StartAsync();
        await MeshPolicies.CreateReviewsDelayAsync(lab, "v1", "7s");

        var pending = lab.ProductpageAsync();
        var elapsed = TimeSpan.Zero;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (!pending.IsCompleted && watch.Elapsed < TimeSpan.FromSeconds(20))
        {
            await Task.WhenAny(pending, Task.Delay(100));
            if (!pending.IsCompleted)
            {
                lab.Time.Advance(TimeSpan.FromSeconds(1));
                elapsed += TimeSpan.FromSeconds(1);
            }
        }

        var (_, body, pod) = await pending;
        var hops = (await lab.RequestsAsync()).Single()["hops"]!.AsArray();

        // Bookinfo's productpage: timeout=3.0 per try, two tries (the Istio fault-injection task's 6 s).
        Assert.That(elapsed, Is.EqualTo(TimeSpan.FromSeconds(6)));
        Assert.That(pod, Is.Null);
        Assert.That(body, Does.Contain("Sorry, product reviews are currently unavailable"));
        Assert.That(hops.Select(h => h!["flag"]!.ToString()), Is.EqualTo(new[] { "DI,DC", "DI,DC" }));
    }

    [Test]
    public async Task Delay2sOnV1_PageServedByV1AfterTwoSeconds()
    {
        await using var lab = await TestLab.StartAsync();
        await MeshPolicies.CreateReviewsDelayAsync(lab, "v1", "2s");

        var pending = lab.ProductpageAsync();
        var early = await Task.WhenAny(pending, Task.Delay(300));
        lab.Time.Advance(TimeSpan.FromSeconds(2));
        var (_, _, pod) = await pending.WaitAsync(TimeSpan.FromSeconds(20));
        var hop = (await lab.RequestsAsync()).Single()["hops"]!.AsArray().Single()!;

        Assert.That(early, Is.Not.SameAs(pending), "the caller's sidecar holds the request for 2 s of Lab time");
        Assert.That(pod, Does.StartWith("reviews-v1-"));
        Assert.That((hop["flag"]!.ToString(), hop["status"]!.GetValue<int>()), Is.EqualTo(("DI", 200)));
    }
}
