using System.Text.Json.Nodes;
using DrillBot.Cli;
using DrillBot.Lab;

namespace DrillBot.Tests.Cli;

/// <summary>
/// The permission preflight through the real CLI: a missing permission is one line naming verb, resource, namespace and
/// context, exit code 3, before anything changed; <c>--dry-run</c> lists the same checks.
/// </summary>
[NonParallelizable]
public sealed class CliPermissionTests
{
    /// <summary>Everything the bundled drills need, except patch on deployments/scale (admin-like otherwise).</summary>
    private static LabTopology WithoutScalePatch() => LabTopology.Default with
    {
        Identities =
        [
            new LabIdentity("no-scale",
            [
                new LabRbacRule { ApiGroups = ["*"], Resources = ["*"], Verbs = ["get", "list", "watch", "create", "update", "delete"] },
                new LabRbacRule { ApiGroups = ["*"], Resources = ["deployments", "destinationrules", "virtualservices", "envoyfilters"], Verbs = ["patch"] },
            ]),
        ],
    };

    [Test]
    public async Task Run_MissingPatchOnScale_Exit3OneLinePerMissingPermissionNothingChanged()
    {
        await using var cli = await CliHarness.StartAsync(topology: WithoutScalePatch());
        cli.Identity = "no-scale";
        var before = cli.Snapshot();

        var code = await cli.RunAsync("run", "reviews-failover", "--report-json", "r.json");

        var json = JsonNode.Parse(await File.ReadAllTextAsync(cli.Path2("r.json")))!;
        var reasons = json["reasons"]!.AsArray().Select(r => r!.GetValue<string>()).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.Errored), cli.Out + cli.Error);
            Assert.That(json["verdict"]!.GetValue<string>(), Is.EqualTo("errored"));
            Assert.That(reasons, Is.EqualTo(new[]
            {
                "missing permission: cannot patch deployments.apps/scale \"reviews-v1\" in namespace default (cluster hangzhou, context ack-hangzhou): needed to scale Deployment default/reviews-v1 (step 4)",
            }));
            Assert.That(json["steps"]!.AsArray(), Is.Empty);
            Assert.That(cli.Snapshot(), Is.EqualTo(before), "nothing changed");
            Assert.That(cli.Lab!.GetObjectJson("ack-hangzhou", "Lease", "default", "drillbot-lock"), Is.Null, "not even the lock");
            Assert.That(cli.Out.Replace("\n", "", StringComparison.Ordinal), Does.Contain("missing permission: cannot patch deployments.apps/scale"));
        });
    }

    [Test]
    public async Task DryRun_MissingPatchOnScale_ListsTheChecksMarksTheMissingOneExit3()
    {
        await using var cli = await CliHarness.StartAsync(topology: WithoutScalePatch());
        cli.Identity = "no-scale";
        var before = cli.Snapshot();

        var code = await cli.RunAsync("run", "reviews-failover", "--dry-run");

        var flat = cli.Out.Replace("\n", "", StringComparison.Ordinal);
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.Errored));
            Assert.That(flat, Does.Contain("ok       patch destinationrules.networking.istio.io \"reviews\" in namespace default (cluster mesh, context asm)"));
            Assert.That(flat, Does.Contain("ok       get configmaps \"istio\" in namespace istio-system (cluster mesh, context asm)"));
            Assert.That(flat, Does.Contain("MISSING  missing permission: cannot patch deployments.apps/scale \"reviews-v1\""));
            Assert.That(flat, Does.Contain("owners: none found"));
            Assert.That(cli.Snapshot(), Is.EqualTo(before));
        });
    }

    [Test]
    public async Task DryRun_AllowedEverything_EveryCheckOkAndTheDryRunsAccepted_Exit0()
    {
        await using var cli = await CliHarness.StartAsync();

        var code = await cli.RunAsync("run", "reviews-region-outage", "--dry-run");

        var flat = cli.Out.Replace("\n", "", StringComparison.Ordinal);
        Assert.That(code, Is.EqualTo(ExitCodes.Passed), cli.Out);
        Assert.That(flat, Does.Match(@"permissions: (\d+) of \1 allowed, (\d+) of \2 dry runs accepted"));
        Assert.That(flat, Does.Contain("dry run  create EnvoyFilter default/drillbot-fail-reviews-v1 in cluster mesh: accepted"));
        Assert.That(cli.Lab!.GetObjectJson("asm", "EnvoyFilter", "default", "drillbot-fail-reviews-v1"), Is.Null, "the dry run created nothing");
    }
}
