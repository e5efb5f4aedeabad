using DrillBot.Drills.Definitions;
using DrillBot.Drills.Tests.Scheduling;

namespace DrillBot.Drills.Tests.Definitions;

/// <summary>The drill field <c>owners</c>: pause, refuse (the default) or ignore.</summary>
public sealed class OwnersParsingTests
{
    private static DrillsLoadResult Load(string yaml) => DrillsLoader.Parse(yaml, "d.yaml", TestCron.Parser, _ => null);

    [TestCase("", OwnersPolicy.Refuse)]
    [TestCase("    owners: pause\n", OwnersPolicy.Pause)]
    [TestCase("    owners: ignore\n", OwnersPolicy.Ignore)]
    [TestCase("    owners: refuse\n", OwnersPolicy.Refuse)]
    public void Parse_Owners_ThePolicy(string line, OwnersPolicy expected)
    {
        var result = Load(SampleYaml.Replace("    observeFor: 1m30s", line + "    observeFor: 1m30s"));

        Assert.That(result.Problems, Is.Empty, string.Join("\n", result.Problems));
        Assert.That(result.Config!.FindDrill("failover")!.Owners, Is.EqualTo(expected));
    }

    [Test]
    public void Parse_OwnersNotAPolicy_OneLocatedProblemListingThePolicies()
    {
        var yaml = SampleYaml.Replace("    observeFor: 1m30s", "    owners: suspend\n    observeFor: 1m30s");

        var result = Load(yaml);

        var line = yaml.Split('\n').ToList().FindIndex(l => l.Contains("owners: suspend", StringComparison.Ordinal)) + 1;
        Assert.That(result.Problems.Select(p => p.ToString()), Is.EqualTo(new[]
        {
            $"d.yaml:{line}:13: drills[0].owners: 'suspend' is not one of refuse, pause, ignore (what to do about Argo CD, Flux, KEDA or an HPA that would undo the drill's changes)",
        }));
    }
}
