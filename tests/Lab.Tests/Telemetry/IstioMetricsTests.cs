using System.Net;
using System.Text.Json.Nodes;

namespace DrillBot.Lab.Tests.Telemetry;

/// <summary>
/// The mesh's Istio metrics (<c>/stats/prometheus</c>): per hop, from both reporters, with Istio's labels, counted from the
/// same request records as <c>/lab/requests</c> (https://istio.io/latest/docs/reference/config/metrics/).
/// </summary>
public sealed class IstioMetricsTests
{
    private static readonly (string, string) Source = ("reporter", "source");
    private static readonly (string, string) Destination = ("reporter", "destination");
    private static readonly (string, string) ToReviews = ("destination_service_name", "reviews");
    private static readonly (string, string) ToProductpage = ("destination_service_name", "productpage");
    private static readonly (string, string) FromGateway = ("source_workload", "istio-ingressgateway");

    [Test]
    public async Task HealthyPages_EachHopCountedOnceByEachReporter_ServedClusterAsTheRecordsSay()
    {
        await using var lab = await TestLab.StartAsync();

        await lab.CountVersionsAsync(8);
        var (_, samples) = await IstioScrape.ScrapeAsync(lab);
        var records = await lab.RequestsAsync();

        Assert.Multiple(() =>
        {
            Assert.That(samples.Requests(Source, FromGateway, ToProductpage, ("response_code", "200"), ("source_cluster", "ack-hangzhou")).Sum(), Is.EqualTo(8));
            Assert.That(samples.Requests(Destination, FromGateway, ToProductpage, ("connection_security_policy", "mutual_tls")).Sum(), Is.EqualTo(8));
            Assert.That(samples.Requests(Source, ToReviews, ("source_canonical_service", "productpage"), ("response_flags", "-")).Sum(), Is.EqualTo(8));
            Assert.That(samples.Requests(Destination, ToReviews).Sum(), Is.EqualTo(8));
            foreach (var cluster in new[] { "ack-hangzhou", "ack-shanghai" })
            {
                var region = cluster == "ack-hangzhou" ? "cn-hangzhou" : "cn-shanghai";
                var served = records.Count(r => lab.RegionOf(r["reviewsServedBy"]!.ToString()) == region);
                Assert.That(samples.Requests(Source, ToReviews, ("destination_cluster", cluster)).Sum(), Is.EqualTo(served), cluster);
                var entered = records.Count(r => lab.RegionOf(r["productpage"]!.ToString()) == region);
                Assert.That(samples.Requests(Source, ToReviews, ("source_cluster", cluster), ("source_workload", "productpage-v1")).Sum(), Is.EqualTo(entered), cluster);
            }

            var v2 = samples.Requests(Source, ToReviews, ("destination_version", "v2")).First();
            Assert.That((v2["destination_workload"], v2["destination_app"], v2["destination_canonical_service"], v2["destination_canonical_revision"], v2["destination_service"]),
                Is.EqualTo(("reviews-v2", "reviews", "reviews", "v2", "reviews.default.svc.cluster.local")));
            Assert.That((v2["destination_cluster"], v2["request_protocol"], v2["connection_security_policy"], v2["source_workload_namespace"]),
                Is.EqualTo(("ack-shanghai", "http", "unknown", "default")));
        });
    }

    [Test]
    public async Task PagesThroughEachRegionsGateway_CountedUnderTheGatewayThatTookThem()
    {
        await using var lab = await TestLab.StartAsync();

        await lab.CountPathsAsync(5, lab.Host.ProductpageUrls["cn-shanghai"]);
        await lab.CountPathsAsync(3, lab.Host.ProductpageUrls["cn-hangzhou"]);
        var (_, samples) = await IstioScrape.ScrapeAsync(lab);

        Assert.Multiple(() =>
        {
            Assert.That(samples.Requests(Source, FromGateway, ToProductpage, ("source_cluster", "ack-shanghai")).Sum(), Is.EqualTo(5));
            Assert.That(samples.Requests(Source, FromGateway, ToProductpage, ("source_cluster", "ack-hangzhou")).Sum(), Is.EqualTo(3));
            Assert.That(samples.Requests(Destination, FromGateway, ToProductpage).Sum(), Is.EqualTo(8), "the productpages saw every gateway's requests");
            Assert.That(lab.Host.Requests.Count(r => r.Entry == "ack-shanghai"), Is.EqualTo(5));
        });
    }

    [Test]
    public async Task ServerAbortOnV1_RetriedOnV2_DestinationReportsTheFiAttempts_SourceOnlyTheAnswer()
    {
        await using var lab = await TestLab.StartAsync();
        await FaultPolicies.CreateEnvoyFilterAsync(lab, FaultPolicies.InboundAbort());

        await lab.CountVersionsAsync(10);
        var (_, samples) = await IstioScrape.ScrapeAsync(lab);
        var hops = (await lab.RequestsAsync()).SelectMany(r => r["hops"]!.AsArray()).ToList();

        var toV1 = hops.Count(h => h!["destination"]!.ToString().StartsWith("reviews-v1-", StringComparison.Ordinal));
        Assert.That(toV1, Is.GreaterThan(0), "round robin sends some first attempts to reviews-v1");
        Assert.Multiple(() =>
        {
            Assert.That(samples.Requests(Source, ToReviews).Sum(), Is.EqualTo(10), "one per productpage try: the retry is inside the sidecar");
            Assert.That(samples.Requests(Source, ToReviews, ("destination_workload", "reviews-v2"), ("response_code", "200")).Sum(), Is.EqualTo(10));
            Assert.That(samples.Requests(Destination, ToReviews, ("destination_workload", "reviews-v1"), ("response_code", "503"), ("response_flags", "FI")).Sum(),
                Is.EqualTo(toV1), "every attempt reviews-v1's own sidecar aborted");
            Assert.That(samples.Requests(Destination, ToReviews, ("destination_workload", "reviews-v2"), ("response_code", "200")).Sum(), Is.EqualTo(10));
            Assert.That(samples.Requests(Source, FromGateway, ("response_code", "200")).Sum(), Is.EqualTo(10), "no user saw it");
        });
    }

    [Test]
    public async Task CallerAbort_FiWithUnknownDestinationAtTheSource_NoReviewsPodReports()
    {
        await using var lab = await TestLab.StartAsync();
        await MeshPolicies.CreateReviewsAbortAsync(lab, "v1");

        await lab.CountVersionsAsync(5);
        var (_, samples) = await IstioScrape.ScrapeAsync(lab);

        var aborted = samples.Requests(Source, ToReviews).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(aborted.Sum(), Is.EqualTo(10), "productpage tries twice per page");
            Assert.That(aborted.Select(s => (s["response_code"], s["response_flags"], s["destination_workload"], s["destination_cluster"])).Distinct(),
                Is.EqualTo(new[] { ("503", "FI", "unknown", "unknown") }));
            Assert.That(samples.Requests(Destination, ToReviews), Is.Empty, "answered by productpage's own sidecar: no reviews pod saw it");
            Assert.That(samples.Requests(Source, FromGateway, ("response_code", "200")).Sum(), Is.EqualTo(5), "the page says 'unavailable' with 200");
        });
    }

    [Test]
    public async Task BothRegionsFailing_ApiUsersGet503_PageUsers200_SidecarSpendsItsRetries()
    {
        await using var lab = await TestLab.StartAsync();
        lab.Host.Control.SetRegionFailing("cn-hangzhou", true);
        lab.Host.Control.SetRegionFailing("cn-shanghai", true);

        await lab.CountVersionsAsync(3);
        var api = new List<(HttpStatusCode, string)>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await lab.Http.GetAsync(new Uri(lab.Host.ProductpageUrl, "/api/v1/products/0/reviews"));
            api.Add((response.StatusCode, await response.Content.ReadAsStringAsync()));
        }

        var (_, samples) = await IstioScrape.ScrapeAsync(lab);
        var records = await lab.RequestsAsync();
        Assert.Multiple(() =>
        {
            Assert.That(api, Has.All.EqualTo((HttpStatusCode.ServiceUnavailable, """{"error":"Sorry, product reviews are currently unavailable for this book."}""")));
            Assert.That(records.Where(r => r["path"]!.ToString() != "/productpage").Select(r => r["status"]!.GetValue<int>()), Is.EqualTo(new[] { 503, 503, 503 }));
            Assert.That(samples.Requests(Source, FromGateway, ("response_code", "503"), ("response_flags", "-")).Sum(), Is.EqualTo(3), "productpage itself answered 503");
            Assert.That(samples.Requests(Source, FromGateway, ("response_code", "200")).Sum(), Is.EqualTo(3));
            Assert.That(samples.Requests(Source, ToReviews, ("response_code", "503"), ("response_flags", "URX")).Sum(), Is.EqualTo(12), "6 requests x 2 tries, retries spent");
            Assert.That(samples.Requests(Destination, ToReviews, ("response_code", "503")).Sum(),
                Is.EqualTo(records.Sum(r => r["hops"]!.AsArray().Count)), "every attempt reached a pod");
        });
    }

    [Test]
    public async Task NoProductpageEndpoint_GatewayAnswersUh_OnlyTheSourceReports()
    {
        await using var lab = await TestLab.StartAsync();
        await MeshPolicies.ScaleAsync(lab, "ack-hangzhou", "productpage-v1", 0);
        await MeshPolicies.ScaleAsync(lab, "ack-shanghai", "productpage-v1", 0);
        lab.Time.Advance(TimeSpan.FromSeconds(2));

        var (status, _, _) = await lab.ProductpageAsync();
        var (_, samples) = await IstioScrape.ScrapeAsync(lab);
        var record = (await lab.RequestsAsync()).Single();

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(record["status"]!.GetValue<int>(), Is.EqualTo(503));
            Assert.That(record["ingressHops"]!.AsArray().Select(h => h!["flag"]!.ToString()), Is.EqualTo(new[] { "UH" }));
            var uh = samples.Requests(Source, FromGateway).Single();
            Assert.That((uh["response_code"], uh["response_flags"], uh["destination_workload"], uh["destination_service"], uh.Value),
                Is.EqualTo(("503", "UH", "unknown", "productpage.default.svc.cluster.local", 1.0)));
            Assert.That(samples.Requests(Destination), Is.Empty);
        });
    }

    [Test]
    public async Task PodReplacedByScaling_SameWorkloadSameSeries_NoDuplicateLabelSets()
    {
        await using var lab = await TestLab.StartAsync();
        await lab.CountVersionsAsync(4);
        await MeshPolicies.ScaleAsync(lab, "ack-hangzhou", "reviews-v1", 0);
        lab.Time.Advance(TimeSpan.FromSeconds(2));
        await MeshPolicies.ScaleAsync(lab, "ack-hangzhou", "reviews-v1", 1);
        lab.Time.Advance(TimeSpan.FromSeconds(2));

        await lab.CountVersionsAsync(4);
        var (_, samples) = await IstioScrape.ScrapeAsync(lab);

        var labelSets = samples.Where(s => s.Name == "istio_requests_total").Select(s => string.Join(",", s.Labels.Select(l => $"{l.Key}={l.Value}"))).ToList();
        Assert.That(labelSets, Is.Unique, "Prometheus drops a scrape's duplicate series");
        var v1 = samples.Requests(Source, ToReviews, ("destination_workload", "reviews-v1")).Sum();
        Assert.That(v1, Is.EqualTo((await lab.RequestsAsync()).Count(r => r["reviewsServedBy"]?.ToString().StartsWith("reviews-v1-", StringComparison.Ordinal) == true)),
            "the new pod's responses add to the workload's series");
    }

    [Test]
    public async Task Exposition_HistogramWithEnvoysBuckets_CountsEqualTheCounter()
    {
        await using var lab = await TestLab.StartAsync();
        await lab.CountVersionsAsync(3);

        var (text, samples) = await IstioScrape.ScrapeAsync(lab);

        Assert.That(text, Does.Contain("# TYPE istio_requests_total counter").And.Contain("# TYPE istio_request_duration_milliseconds histogram"));
        var counters = samples.Where(s => s.Name == "istio_requests_total").ToList();
        Assert.That(counters, Is.Not.Empty);
        foreach (var counter in counters)
        {
            bool Same(IstioSample s) => counter.Labels.All(l => s.Labels.TryGetValue(l.Key, out var v) && v == l.Value);
            var buckets = samples.Where(s => s.Name == "istio_request_duration_milliseconds_bucket" && Same(s)).Select(s => s["le"]).ToList();
            Assert.That(buckets, Is.EqualTo(new[] { "0.5", "1", "5", "10", "25", "50", "100", "250", "500", "1000", "2500", "5000", "10000", "30000", "60000", "300000", "600000", "1800000", "3600000", "+Inf" }));
            Assert.That(samples.Single(s => s.Name == "istio_request_duration_milliseconds_count" && Same(s)).Value, Is.EqualTo(counter.Value));
            Assert.That(samples.Single(s => s.Name == "istio_request_duration_milliseconds_bucket" && Same(s) && s["le"] == "+Inf").Value, Is.EqualTo(counter.Value));
        }
    }

    [Test]
    public async Task Exposition_PromtoolCheckMetrics_OnlyIstiosOwnMillisecondsName()
    {
        await using var lab = await TestLab.StartAsync();
        await lab.CountVersionsAsync(2);
        var (text, _) = await IstioScrape.ScrapeAsync(lab);

        var output = (await DrillBot.TestSupport.Tools.Promtool.CheckMetricsAsync(text)).Output;

        // Istio names its histogram in milliseconds; promtool's lint prefers base units. Anything else is a real problem.
        var problems = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.That(problems.Where(p => !p.StartsWith("istio_request_duration_milliseconds", StringComparison.Ordinal) || !p.Contains("base unit", StringComparison.Ordinal)), Is.Empty, output);
    }

    [Test]
    public async Task RequestRecords_CarryEntryPathProductpageAndIngressHops()
    {
        await using var lab = await TestLab.StartAsync();

        var (_, _, productpage, _) = await lab.RequestAsync();
        using var api = await lab.Http.GetAsync(new Uri(lab.Host.ProductpageUrl, "/api/v1/products/0/reviews"));
        var records = await lab.RequestsAsync();

        Assert.That(records.Select(r => (r["entry"]!.ToString(), r["path"]!.ToString())),
            Is.EqualTo(new[] { ("ack-hangzhou", "/productpage"), ("ack-hangzhou", "/api/v1/products/0/reviews") }));
        Assert.That(records[0]["productpage"]!.ToString(), Is.EqualTo(productpage));
        var hop = records[0]["ingressHops"]!.AsArray().Single()!;
        Assert.That((hop["source"]!.ToString(), hop["destination"]!.ToString(), hop["status"]!.GetValue<int>(), hop["flag"]!.ToString(), hop["cluster"]!.ToString()),
            Is.EqualTo(("istio-ingressgateway", productpage, 200, "-", "outbound|9080||productpage.default.svc.cluster.local")));
        Assert.That(api.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var body = JsonNode.Parse(await api.Content.ReadAsStringAsync())!;
        Assert.That(body["reviews"]!.AsArray(), Has.Count.EqualTo(2));
    }
}
