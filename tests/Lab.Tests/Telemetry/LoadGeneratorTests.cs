namespace DrillBot.Lab.Tests.Telemetry;

/// <summary>Background users (topology <c>load:</c>, <see cref="LabControl.SetLoadAsync"/>): real HTTP at a fixed rate, on the Lab's clock.</summary>
[NonParallelizable]
public sealed class LoadGeneratorTests
{
    [Test]
    public async Task TopologyLoad_SendsAtItsRateOverEachPath_CountedInRecordsAndMetrics()
    {
        var topology = LabTopology.Default with { Load = [new LabLoadSpec(40) { Paths = ["/productpage", "/api/v1/products/0/reviews"] }] };
        await using var lab = await LabHost.StartAsync(topology);
        using var http = new HttpClient();

        var started = DateTimeOffset.UtcNow;
        await WaitAsync(() => lab.Load.Completed >= 30, TimeSpan.FromSeconds(20));
        var elapsed = DateTimeOffset.UtcNow - started;
        var records = lab.Requests;
        var metrics = IstioScrape.Parse(await http.GetStringAsync(lab.MetricsUrl));

        Assert.Multiple(() =>
        {
            Assert.That(lab.Load.Sent, Is.LessThanOrEqualTo(40 * (elapsed.TotalSeconds + 1)), "no faster than its rate");
            Assert.That(lab.Load.ByStatus.Keys, Is.EqualTo(new[] { 200 }));
            Assert.That(records.Select(r => r.Path).Distinct(), Is.EquivalentTo(new[] { "/productpage", "/api/v1/products/0/reviews" }));
            Assert.That(metrics.Requests(("reporter", "source"), ("source_workload", "istio-ingressgateway")).Sum(), Is.GreaterThanOrEqualTo(30));
        });
    }

    [Test]
    public async Task SetLoadAsync_RateZero_Stops()
    {
        await using var lab = await LabHost.StartAsync(LabTopology.Default);
        await lab.Control.SetLoadAsync(new LabLoadSpec(100));
        await WaitAsync(() => lab.Load.Completed >= 10, TimeSpan.FromSeconds(20));

        await lab.Control.SetLoadAsync(new LabLoadSpec(0));
        var sent = lab.Load.Sent;
        await Task.Delay(300);

        Assert.That(lab.Load.Sent, Is.EqualTo(sent));
    }

    [Test]
    public async Task SetLoadAsync_UnknownEntryOrPath_ThrowsNamingEach()
    {
        await using var lab = await TestLab.StartAsync();

        var e = Assert.ThrowsAsync<ArgumentException>(() => lab.Host.Control.SetLoadAsync(new LabLoadSpec(-1) { Entry = "asm", Paths = ["/details"] }));

        Assert.That(e!.Message, Does.Contain("load.entry: 'asm' has no ingress gateway (entry points: ack-hangzhou, ack-shanghai)")
            .And.Contain("load.rate").And.Contain("'/details' is not served"));
    }

    [Test]
    public async Task SetLoadAsync_EntryAnotherRegionsGateway_UsersEnterThere_CountedUnderThatGateway()
    {
        await using var lab = await LabHost.StartAsync(LabTopology.Default);
        using var http = new HttpClient();

        await lab.Control.SetLoadAsync(new LabLoadSpec(50) { Entry = "ack-shanghai" });
        await WaitAsync(() => lab.Load.Completed >= 10, TimeSpan.FromSeconds(20));
        await lab.Control.SetLoadAsync(new LabLoadSpec(0) { Entry = "ack-shanghai" });
        var samples = IstioScrape.Parse(await http.GetStringAsync(lab.MetricsUrl));

        var fromGateways = samples.Requests(("reporter", "source"), ("source_workload", "istio-ingressgateway")).ToList();
        Assert.That(lab.Requests.Select(r => r.Entry).Distinct(), Is.EqualTo(new[] { "ack-shanghai" }));
        Assert.That(fromGateways.Where(s => s["source_cluster"] == "ack-shanghai").Sum(), Is.GreaterThanOrEqualTo(10));
        Assert.That(fromGateways.Where(s => s["source_cluster"] != "ack-shanghai").Sum(), Is.Zero, "the primary gateway took none of them");
    }

    private static async Task WaitAsync(Func<bool> condition, TimeSpan max)
    {
        using var timeout = new CancellationTokenSource(max);
        while (!condition())
        {
            await Task.Delay(20, timeout.Token);
        }
    }
}
