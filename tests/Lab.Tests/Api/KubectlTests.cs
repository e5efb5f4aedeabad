using System.Text.Json;

namespace DrillBot.Lab.Tests.Api;

/// <summary>The machine's real kubectl (1.32) against the Lab: discovery fallback, TLS with the generated CA, bearer token.</summary>
public sealed class KubectlTests
{
    private TestLab _lab = null!;
    private string _cache = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        Kubectl.RequireInstalled();
        _lab = await TestLab.StartAsync();
        _cache = Directory.CreateTempSubdirectory("lab-kubectl-").FullName;
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_lab is not null)
        {
            await _lab.DisposeAsync();
        }

        if (_cache is not null)
        {
            Directory.Delete(_cache, recursive: true);
        }
    }

    private Task<(int ExitCode, string Stdout, string Stderr)> Run(params string[] args) => Kubectl.RunAsync(_lab, _cache, args);

    [Test, Order(1)]
    public async Task GetDeployJson_Hangzhou_ListsBookinfoDeployments()
    {
        var (code, stdout, stderr) = await Run("--context", "ack-hangzhou", "get", "deploy", "-o", "json");

        Assert.That(code, Is.Zero, stderr);
        using var list = JsonDocument.Parse(stdout);
        var names = list.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("metadata").GetProperty("name").GetString());
        Assert.That(names, Is.EquivalentTo(new[] { "details-v1", "productpage-v1", "ratings-v1", "reviews-v1" }));
    }

    [Test, Order(2)]
    public async Task ScaleDeploy_ToZero_SpecAndPodsFollow()
    {
        var (code, stdout, stderr) = await Run("--context", "ack-hangzhou", "scale", "deploy/reviews-v1", "--replicas=0");
        var (_, json, _) = await Run("--context", "ack-hangzhou", "get", "deploy", "reviews-v1", "-o", "json");

        Assert.That(code, Is.Zero, stderr);
        Assert.That(stdout, Does.Contain("deployment.apps/reviews-v1 scaled"));
        using var deployment = JsonDocument.Parse(json);
        Assert.That(deployment.RootElement.GetProperty("spec").GetProperty("replicas").GetInt32(), Is.Zero);
        Assert.That(_lab.EventsOf(LabEventKinds.ScaleApplied).Single().Detail, Is.EqualTo("replicas=0"));
    }

    [Test, Order(3)]
    public async Task PatchDestinationRuleMerge_Asm_AppliesFailover()
    {
        var (code, stdout, stderr) = await Run("--context", "asm", "patch", "destinationrule", "reviews", "--type", "merge", "-p", MeshPolicies.Failover);
        var (_, json, _) = await Run("--context", "asm", "get", "dr", "reviews", "-o", "json");

        Assert.That(code, Is.Zero, stderr);
        Assert.That(stdout, Does.Contain("destinationrule.networking.istio.io/reviews patched"));
        using var rule = JsonDocument.Parse(json);
        Assert.That(rule.RootElement.GetProperty("apiVersion").GetString(), Is.EqualTo("networking.istio.io/v1"));
        Assert.That(rule.RootElement.GetProperty("spec").GetProperty("trafficPolicy").GetProperty("loadBalancer")
            .GetProperty("localityLbSetting").GetProperty("failover").GetArrayLength(), Is.EqualTo(2));
    }

    [Test, Order(4)]
    public async Task GetDestinationRulesFullyQualified_Asm_PrintsTable()
    {
        var (code, stdout, stderr) = await Run("--context", "asm", "get", "destinationrules.networking.istio.io");

        Assert.That(code, Is.Zero, stderr);
        Assert.That(stdout, Does.StartWith("NAME"));
        Assert.That(stdout, Does.Contain("reviews").And.Contain("productpage").And.Contain("ratings").And.Contain("details"));
    }

    [Test, Order(5)]
    public async Task StrategicPatchOnDestinationRule_Refused415LikeTheRealServer()
    {
        var (code, _, stderr) = await Run("--context", "asm", "patch", "destinationrule", "reviews", "-p", "{\"spec\":{\"host\":\"reviews\"}}");

        Assert.That(code, Is.Not.Zero);
        Assert.That(stderr, Does.Contain("application/strategic-merge-patch+json is not supported"));
    }

    [Test, Order(6)]
    public async Task PatchDeployStrategic_Shanghai_AddsLabel()
    {
        var (code, stdout, stderr) = await Run("--context", "ack-shanghai", "patch", "deploy", "reviews-v2", "-p", "{\"metadata\":{\"labels\":{\"drill\":\"yes\"}}}");
        var (_, pods, _) = await Run("--context", "ack-shanghai", "get", "pods", "-l", "app=reviews", "-o", "name");

        Assert.That(code, Is.Zero, stderr);
        Assert.That(stdout, Does.Contain("deployment.apps/reviews-v2 patched"));
        Assert.That(pods.Trim(), Does.StartWith("pod/reviews-v2-"));
    }

    [Test, Order(7)]
    public async Task WrongToken_Unauthorized()
    {
        var (code, _, stderr) = await Run("--context", "ack-hangzhou", "--token", "wrong", "get", "deploy");

        Assert.That(code, Is.Not.Zero);
        Assert.That(stderr, Does.Contain("Unauthorized").Or.Contain("provide credentials"));
    }

    [Test, Order(8)]
    public async Task GetDeployTable_AfterScaleToZero_ShowsReadyColumn()
    {
        var (code, stdout, stderr) = await Run("--context", "ack-hangzhou", "get", "deploy", "reviews-v1");
        var (_, pods, _) = await Run("--context", "ack-hangzhou", "get", "pods", "-l", "app=reviews");

        Assert.That(code, Is.Zero, stderr);
        Assert.That(stdout, Does.Match(@"NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE"));
        Assert.That(stdout, Does.Match(@"reviews-v1\s+0/0\s+0\s+0\s+"));
        Assert.That(pods, Does.Contain("Terminating").Or.Contain("No resources found"));
    }

    [Test, Order(20)]
    public async Task EnvoyFilter_CreateGetPatchDelete_WithKubectl()
    {
        var file = Path.Combine(_cache, "envoyfilter.json");
        await File.WriteAllTextAsync(file, FaultPolicies.InboundAbort("kubectl-abort"));

        var (created, createOut, createErr) = await Run("--context", "asm", "create", "--validate=false", "-f", file);
        var (listed, listOut, listErr) = await Run("--context", "asm", "get", "envoyfilters");
        var (_, json, _) = await Run("--context", "asm", "get", "envoyfilter", "kubectl-abort", "-o", "json");
        var faultedWhileStored = _lab.Host.World.Latest.Hosts.Single(h => h.Version == "v1").InboundFault?.Source;
        var (patched, patchOut, patchErr) = await Run("--context", "asm", "patch", "envoyfilter", "kubectl-abort", "--type", "merge",
            "-p", "{\"spec\":{\"workloadSelector\":{\"labels\":{\"version\":\"v2\"}}}}");
        var faultedAfterPatch = _lab.Host.World.Latest.Hosts.Where(h => h.InboundFault is not null).Select(h => h.Version).ToList();
        var (deleted, deleteOut, deleteErr) = await Run("--context", "asm", "delete", "envoyfilter", "kubectl-abort");

        Assert.That(created, Is.Zero, createErr);
        Assert.That(createOut, Does.Contain("envoyfilter.networking.istio.io/kubectl-abort created"));
        Assert.That(listed, Is.Zero, listErr);
        Assert.That(listOut, Does.Contain("kubectl-abort"));
        using (var doc = JsonDocument.Parse(json))
        {
            Assert.That(doc.RootElement.GetProperty("apiVersion").GetString(), Is.EqualTo("networking.istio.io/v1alpha3"));
        }

        Assert.That(faultedWhileStored, Is.EqualTo("EnvoyFilter/default/kubectl-abort"));
        Assert.That(patched, Is.Zero, patchErr);
        Assert.That(patchOut, Does.Contain("envoyfilter.networking.istio.io/kubectl-abort patched"));
        Assert.That(faultedAfterPatch, Is.EqualTo(new[] { "v2" }), "the patched selector moves the fault to reviews-v2's pods");
        Assert.That(deleted, Is.Zero, deleteErr);
        Assert.That(deleteOut, Does.Contain("envoyfilter.networking.istio.io \"kubectl-abort\" deleted"));
        Assert.That(_lab.Host.GetObjectJson("asm", "EnvoyFilter", "default", "kubectl-abort"), Is.Null);
    }
}
