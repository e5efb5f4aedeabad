using System.Net;
using System.Text;
using k8s;
using DrillBot.Tests.Service.Support;

namespace DrillBot.Tests.Api;

/// <summary><c>POST /api/drills/{name}/runs</c>: 202, 404, 409, 423, dry runs, bad bodies.</summary>
[NonParallelizable]
public sealed class DrillRunsApiTests
{
    [Test]
    public async Task Start_UnknownDrill_404NamingTheKnownOnes()
    {
        await using var service = await ServiceHarness.StartAsync();

        var (status, body) = await service.SendAsync(HttpMethod.Post, "/api/drills/no-such-drill/runs");

        Assert.That(status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(body["detail"]!.GetValue<string>(), Does.Contain("no-such-drill"));
        Assert.That(body["knownDrills"]!.AsArray().Select(n => n!.GetValue<string>()), Does.Contain("reviews-failover"));
    }

    [Test]
    public async Task Start_TwoSimultaneousOnOneTarget_OneAcceptedOtherBusyNamingIt()
    {
        await using var service = await ServiceHarness.StartAsync();
        var before = LabState.Snapshot(service.Lab);

        var answers = await Task.WhenAll(
            service.SendAsync(HttpMethod.Post, "/api/drills/reviews-failover/runs"),
            service.SendAsync(HttpMethod.Post, "/api/drills/reviews-failover/runs"));
        var accepted = answers.Single(a => a.Status == HttpStatusCode.Accepted);
        var busy = answers.Single(a => a.Status == HttpStatusCode.Conflict);
        var runId = accepted.Body["runId"]!.GetValue<string>();
        var (otherStatus, other) = await service.SendAsync(HttpMethod.Post, "/api/drills/reviews-distribution/runs");
        await service.WaitForReportAsync(runId);

        Assert.That(busy.Body["runningDrill"]!.GetValue<string>(), Is.EqualTo("reviews-failover"));
        Assert.That(busy.Body["runId"]!.GetValue<string>(), Is.EqualTo(runId));
        Assert.That(otherStatus, Is.EqualTo(HttpStatusCode.Conflict), "reviews-distribution shares the mesh cluster");
        Assert.That(other["detail"]!.GetValue<string>(), Does.Contain("reviews-failover is running"));
        Assert.That(LabState.Snapshot(service.Lab), Is.EqualTo(before));
    }

    [Test]
    public async Task Start_DuringBlackout_423AndNothingStarts()
    {
        await using var service = await ServiceHarness.StartAsync(new ServiceHarness.Options { Drills = new TestDrills.Options { Blackouts = [("always", "* * * ? * *")] } });

        var (status, body) = await service.SendAsync(HttpMethod.Post, "/api/drills/reviews-failover/runs");
        var (_, runs) = await service.SendAsync(HttpMethod.Get, "/api/runs");

        Assert.That(status, Is.EqualTo(HttpStatusCode.Locked));
        Assert.That(body["blackout"]!.GetValue<string>(), Is.EqualTo("always"));
        Assert.That(body["detail"]!.GetValue<string>(), Is.EqualTo("refused: blackout always with no end; to run anyway: \"overrideBlackout\": \"why\""));
        Assert.That(runs["runs"]!.AsArray(), Is.Empty);
    }

    [TestCase("""{"overrideBlackout": ""}""")]
    [TestCase("""{"overrideBlackout": "  "}""")]
    public async Task Start_OverrideBlackoutWithoutReason_400AndNothingStarts(string json)
    {
        await using var service = await ServiceHarness.StartAsync(new ServiceHarness.Options { Drills = new TestDrills.Options { Blackouts = [("always", "* * * ? * *")] } });

        var (status, body) = await service.SendAsync(HttpMethod.Post, "/api/drills/reviews-failover/runs", json);
        var (_, runs) = await service.SendAsync(HttpMethod.Get, "/api/runs");

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(body["detail"]!.GetValue<string>(), Does.StartWith("overrideBlackout needs a reason"));
        Assert.That(runs["runs"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task Start_DuringBlackoutWithOverride_202RecordedInReportAndCounted()
    {
        await using var service = await ServiceHarness.StartAsync(new ServiceHarness.Options { Drills = new TestDrills.Options { Blackouts = [("always", "* * * ? * *")] } });

        var (status, body) = await service.SendAsync(HttpMethod.Post, "/api/drills/reviews-failover/runs", """{"by": "ci", "overrideBlackout": "verify the hotfix"}""");
        Assert.That(status, Is.EqualTo(HttpStatusCode.Accepted), body.ToJsonString());
        var report = await service.WaitForReportAsync(body["runId"]!.GetValue<string>());
        var metrics = await service.Http.GetStringAsync("/metrics");

        Assert.That(report["trigger"]!["overrideBlackout"]!.ToJsonString(), Is.EqualTo("""{"blackout":"always","reason":"verify the hotfix","by":"ci"}"""));
        Assert.That(metrics, Does.Contain("drillbot_blackout_overrides_total{drill=\"reviews-failover\"} 1"));
        Assert.That(metrics, Does.Contain("drillbot_blackout_overrides_total{drill=\"reviews-distribution\"} 0"), "declared for every drill");
    }

    [Test]
    public async Task Start_WithControl_ControlRunsFirstAndTheReportSaysWhetherTheRemediationWasNecessary()
    {
        await using var service = await ServiceHarness.StartAsync();
        var before = LabState.Snapshot(service.Lab);

        var (status, body) = await service.SendAsync(HttpMethod.Post, "/api/drills/reviews-failover/runs", """{"by": "ci", "control": true}""");
        Assert.That(status, Is.EqualTo(HttpStatusCode.Accepted), body.ToJsonString());
        var report = await service.WaitForReportAsync(body["runId"]!.GetValue<string>());

        // the test drill is the runbook's order (scale, then enableFailover): without the failover step losing
        // reviews-v1 still ends on cn-shanghai (the endpoint leaves EDS), so the control recovers by itself
        var control = report["control"]!;
        Assert.That(control["durationSeconds"]!.GetValue<double>(), Is.EqualTo(3.5), "no control: in drills.yaml: recovery.within + stableFor");
        Assert.That(control["leftOut"]!.AsArray().Select(n => n!.GetValue<string>()), Is.EqualTo(new[] { "2: enableFailover" }));
        Assert.That(control["finding"]!.GetValue<string>(), Is.EqualTo("the fault recovers without failover: this drill does not prove failover"));
        Assert.That(report["verdict"]!.GetValue<string>(), Is.EqualTo("failed"));
        Assert.That(LabState.Snapshot(service.Lab), Is.EqualTo(before));
    }

    [Test]
    public async Task Start_FailoverConfigThatCannotWorkOnTheLiveMesh_RefusedByThePreflightNothingChanged()
    {
        await using var service = await ServiceHarness.StartAsync();
        // the mesh-wide setting (ASM's console switch) fails cn-hangzhou over elsewhere than the drill's DestinationRule:
        // the rule's localityLbSetting would silently replace it for reviews (docs/drills-yaml.md#failover-preflight)
        using var asm = new k8s.Kubernetes(k8s.KubernetesClientConfiguration.BuildConfigFromConfigFile(service.Lab.KubeconfigPath, currentContext: "asm"));
        var mesh = System.Text.Json.JsonSerializer.Serialize(new[] { new { op = "replace", path = "/data/mesh", value = "localityLbSetting:\n  enabled: true\n  failover:\n    - from: cn-hangzhou\n      to: cn-beijing\n" } });
        await asm.CoreV1.PatchNamespacedConfigMapAsync(new k8s.Models.V1Patch(mesh, k8s.Models.V1Patch.PatchType.JsonPatch), "istio", "istio-system");
        var before = LabState.Snapshot(service.Lab);

        var (status, body) = await service.SendAsync(HttpMethod.Post, "/api/drills/reviews-failover/runs", """{"by": "ci"}""");
        Assert.That(status, Is.EqualTo(HttpStatusCode.Accepted), body.ToJsonString());
        var report = await service.WaitForReportAsync(body["runId"]!.GetValue<string>());

        Assert.That(report["verdict"]!.GetValue<string>(), Is.EqualTo("aborted"));
        Assert.That(report["misconfigured"]!.GetValue<bool>(), Is.True);
        Assert.That(report["reasons"]![0]!.GetValue<string>(), Does.StartWith("preflight: DestinationRule default/reviews").And.Contain("cn-hangzhou->cn-beijing"));
        Assert.That(report["steps"]!.AsArray(), Is.Empty, "refused before the first step");
        Assert.That(LabState.Snapshot(service.Lab), Is.EqualTo(before));
    }

    [Test]
    public async Task Start_DryRun_200PlanWithBeforeAfterAndRestoreChangesNothing()
    {
        await using var service = await ServiceHarness.StartAsync();
        var before = LabState.Snapshot(service.Lab);

        var (status, body) = await service.SendAsync(HttpMethod.Post, "/api/drills/reviews-failover/runs", """{"dryRun": true}""");
        var (_, runs) = await service.SendAsync(HttpMethod.Get, "/api/runs");

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(body["canRun"]!.GetValue<bool>(), Is.True);
        Assert.That(body["plan"]!.GetValue<string>(), Does.Contain("reviews-v1").And.Contain("→").And.Contain("restore:"));
        Assert.That(runs["runs"]!.AsArray(), Is.Empty);
        Assert.That(LabState.Snapshot(service.Lab), Is.EqualTo(before));
    }

    [TestCase("{not json", "application/json", HttpStatusCode.BadRequest)]
    [TestCase("""{"dryRun": true, "surprise": 1}""", "application/json", HttpStatusCode.BadRequest)]
    [TestCase("""{"dryRun": "yes"}""", "application/json", HttpStatusCode.BadRequest)]
    [TestCase("dryRun=true", "application/x-www-form-urlencoded", HttpStatusCode.UnsupportedMediaType)]
    public async Task Start_BadBody_ClearProblemAndNothingStarts(string body, string contentType, HttpStatusCode expected)
    {
        await using var service = await ServiceHarness.StartAsync();
        using var request = service.Api(HttpMethod.Post, "/api/drills/reviews-failover/runs");
        request.Content = new StringContent(body, Encoding.UTF8, contentType);

        using var response = await service.Http.SendAsync(request);
        var (_, runs) = await service.SendAsync(HttpMethod.Get, "/api/runs");

        Assert.That(response.StatusCode, Is.EqualTo(expected));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(runs["runs"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task Start_OversizeBody_413()
    {
        await using var service = await ServiceHarness.StartAsync();
        using var request = service.Api(HttpMethod.Post, "/api/drills/reviews-failover/runs", "{\"by\": \"" + new string('x', 40_000) + "\"}");

        using var response = await service.Http.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
    }
}
