using System.Text.RegularExpressions;
using DrillBot.Cli;
using DrillBot.Lab;
using DrillBot.Tests.Cli;

namespace DrillBot.Tests.Chart;

/// <summary>
/// The chart's RBAC against the drills it ships: its rendered Roles become the Lab's rules for the identity DrillBot runs as
/// (in every cluster, as when the chart or its access-only variant is installed in each), and every bundled drill's
/// permission preflight (<c>drillbot run NAME --dry-run</c>) passes; two drills also run for real under it.
/// </summary>
[NonParallelizable]
public sealed class ChartRbacPreflightTests
{
    private const string Identity = "drillbot";

    /// <summary>Every rule of every Role the chart renders, scoped to the Role's namespace.</summary>
    internal static async Task<IReadOnlyList<LabRbacRule>> ChartRulesAsync(params string[] arguments)
    {
        var manifests = await ChartRenderer.RenderManifestsAsync(["--namespace", "drillbot", .. arguments]);
        return [.. manifests.OfKind("Role").SelectMany(role => role.Root.Items("rules").Select(r => new LabRbacRule
        {
            Namespaces = [role.Namespace!],
            ApiGroups = r.Strings("apiGroups"),
            Resources = r.Strings("resources"),
            ResourceNames = r.Strings("resourceNames"),
            Verbs = r.Strings("verbs"),
        }))];
    }

    private static LabTopology As(IReadOnlyList<LabRbacRule> rules) => LabTopology.Default with { Identities = [new LabIdentity(Identity, rules)] };

    private static IEnumerable<string> BundledDrills() =>
        Regex.Matches(CliHarness.FastDrills(), @"(?m)^  - name: (\S+)").Select(m => m.Groups[1].Value);

    [Test]
    public async Task DryRun_EveryBundledDrill_AsTheChartsServiceAccount_EveryCheckAllowedEveryDryRunAccepted()
    {
        await using var cli = await CliHarness.StartAsync(topology: As(await ChartRulesAsync()));
        cli.Identity = Identity;

        foreach (var drill in BundledDrills())
        {
            var code = await cli.RunAsync("run", drill, "--dry-run");
            var flat = cli.Out.Replace("\n", "", StringComparison.Ordinal);
            var summary = Regex.Matches(flat, @"permissions: (\d+) of (\d+) allowed, (\d+) of (\d+) dry runs accepted").Last().Groups;
            Assert.Multiple(() =>
            {
                Assert.That(code, Is.EqualTo(ExitCodes.Passed), $"{drill}:\n{cli.Out}");
                Assert.That(summary[1].Value, Is.EqualTo(summary[2].Value), drill);
                Assert.That(summary[3].Value, Is.EqualTo(summary[4].Value), drill);
                Assert.That(int.Parse(summary[2].Value, System.Globalization.CultureInfo.InvariantCulture), Is.GreaterThan(10), "the checks were made");
            });
        }

        Assert.That(BundledDrills().Count(), Is.EqualTo(4));
    }

    [TestCase("reviews-failover")]
    [TestCase("reviews-region-outage")]
    public async Task Run_BundledDrill_AsTheChartsServiceAccount_PassesAndRestores(string drill)
    {
        await using var cli = await CliHarness.StartAsync(topology: As(await ChartRulesAsync()));
        cli.Identity = Identity;
        var before = cli.Snapshot();

        var code = await cli.RunAsync("run", drill);

        Assert.That(code, Is.EqualTo(ExitCodes.Passed), cli.Out + cli.Error);
        Assert.That(cli.Snapshot(), Is.EqualTo(before));
    }

    [Test]
    public async Task DryRun_ChartRulesWithoutWatch_MissingWatchOnEveryChangedObjectExit3()
    {
        var rules = (await ChartRulesAsync()).Select(r => r with { Verbs = [.. r.Verbs.Where(v => v != "watch")] }).ToList();
        await using var cli = await CliHarness.StartAsync(topology: As(rules));
        cli.Identity = Identity;

        var code = await cli.RunAsync("run", "reviews-failover", "--dry-run");

        var flat = cli.Out.Replace("\n", "", StringComparison.Ordinal);
        Assert.That(code, Is.EqualTo(ExitCodes.Errored));
        Assert.That(Regex.Matches(flat, "MISSING  missing permission: cannot watch ").Count, Is.EqualTo(3), "productpage, reviews and reviews-v1");
    }
}
