using DrillBot.Drills.Definitions;
using DrillBot.Drills.Tests.Scheduling;

namespace DrillBot.Drills.Tests.Definitions;

/// <summary><c>control:</c>, <c>probes:</c> and an enableFailover without a failover list: parsed, defaulted, and refused with a located line.</summary>
public sealed class ControlAndProbesParsingTests
{
    private const string ObserveFor = "    observeFor: 1m30s\n";

    private const string DistributionProbe = "    probe:\n      url: http://127.0.0.1:1/productpage\n      interval: 50ms\n      classify: [ { class: ok, status: 200 } ]\n";

    private static DrillsLoadResult Parse(string yaml) => DrillsLoader.Parse(yaml, "d.yaml", TestCron.Parser, _ => null);

    private static string WithControl(string control) => SampleYaml.Replace(ObserveFor, ObserveFor + Block(control, 4));

    private static string WithProbes(string probes) => SampleYaml.Replace(DistributionProbe, Block(probes, 4));

    /// <summary>The lines of <paramref name="text"/> with their common indentation replaced by <paramref name="indent"/> spaces, each ending in a newline.</summary>
    private static string Block(string text, int indent)
    {
        var lines = text.TrimEnd('\n').Split('\n');
        var common = lines.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        return string.Concat(lines.Select(l => (l.Trim().Length == 0 ? string.Empty : new string(' ', indent) + l[common..]) + "\n"));
    }

    private static int LineOf(string yaml, string text) => yaml[..yaml.IndexOf(text, StringComparison.Ordinal)].Count(c => c == '\n') + 1;

    [Test]
    public void Parse_Control_ReadsDurationAndLeavesOutEveryStepButTheFault()
    {
        var result = Parse(WithControl("control: { duration: 35s }"));

        Assert.That(result.Problems, Is.Empty);
        Assert.That(result.Warnings, Is.Empty);
        var drill = result.Config!.Drills[0];
        Assert.That(drill.Control!.Duration, Is.EqualTo(TimeSpan.FromSeconds(35)));
        Assert.That(drill.LeftOutByControl.Select(s => s.Kind), Is.EqualTo(new[] { "enableFailover" }));
        Assert.That(result.Config.Drills[1].Control, Is.Null);
    }

    [Test]
    public void Parse_ControlOnADrillWithNothingToLeaveOut_LocatedProblem()
    {
        var yaml = WithControl("control: { duration: 35s }").Replace(Block("""
            - enableFailover:
                cluster: mesh
                destinationRule: reviews
                failover: [ { from: cn-hangzhou, to: cn-shanghai } ]
                outlierDetection: { consecutive5xxErrors: 1, interval: 1s, baseEjectionTime: 1m }
            """, 6), string.Empty, StringComparison.Ordinal);

        var result = Parse(yaml);

        Assert.That(result.Problems.Select(p => p.ToString()), Is.EqualTo(new[] { $"d.yaml:{LineOf(yaml, "control:")}:14: drills[0].control: every step is the fault or a wait, so the control would be the drill itself; a control leaves out the remediation (the steps that are neither the fault nor a wait)" }));
    }

    [Test]
    public void Parse_ControlThatCannotFitTheTimeout_LocatedProblem()
    {
        var result = Parse(WithControl("control: { duration: 3m }"));

        Assert.That(result.Problems.Single().Message, Is.EqualTo("drills[0].control: the control (3m), its return to steady state (restore.verifyWithin 1m) and observeFor (1m30s) take up to 5m30s, longer than timeout 5m"));
    }

    [Test]
    public void Parse_ControlShorterThanRecoveryWithinPlusStableFor_Warning()
    {
        var result = Parse(WithControl("control: { duration: 20s }"));

        Assert.That(result.Problems, Is.Empty);
        Assert.That(result.Warnings.Single().Message, Does.StartWith("drills[0].control.duration: 20s is shorter than recovery.within + stableFor (35s)"));
    }

    [Test]
    public void Parse_ControlWithoutDuration_Missing()
    {
        var result = Parse(WithControl("control: { }"));

        Assert.That(result.Problems.Single().Message, Is.EqualTo("drills[0].control: missing required field 'duration'"));
    }

    [Test]
    public void Parse_Probes_SharedSettingsEachWithItsUrlAndOwnExpectations()
    {
        var result = Parse(WithProbes("""
                    probe:
                      interval: 50ms
                      classify: [ { class: ok, status: 200 }, { class: other, status: 201 } ]
                    probes:
                      - { name: via-hangzhou, url: "http://127.0.0.1:1/productpage" }
                      - name: via-shanghai
                        url: http://127.0.0.1:2/productpage
                        expect: { share: { ok: { between: [0.35, 0.65] } }, maxErrorRatio: 0.1 }
            """));

        Assert.That(result.Problems, Is.Empty);
        var drill = result.Config!.Drills[1];
        Assert.That(drill.NamedProbes.Select(p => (p.Name, p.Probe.Url.Port, p.Probe.Interval)), Is.EqualTo(new[] { ("via-hangzhou", 1, TimeSpan.FromMilliseconds(50)), ("via-shanghai", 2, TimeSpan.FromMilliseconds(50)) }));
        Assert.That(drill.Probe.Url.Port, Is.EqualTo(1), "Probe is the first entry's");
        Assert.That(drill.NamedProbes[0].Expect, Is.SameAs(drill.Expect), "no expect: the drill's");
        var own = drill.NamedProbes[1].Expect;
        Assert.That((own.Share["ok"].AtLeast, own.Share["ok"].AtMost, own.MaxErrorRatio, own.MinSamples), Is.EqualTo(((double?)0.35, (double?)0.65, (double?)0.1, 200)), "given fields replaced, minSamples kept");
        Assert.That(drill.ProbeViews().Select(v => (v.Name, v.Prefix, v.Drill.Probe.Url.Port)), Is.EqualTo(new[] { ((string?)"via-hangzhou", "via-hangzhou/", 1), ("via-shanghai", "via-shanghai/", 2) }));
        Assert.That(result.Config.Drills[0].ProbeViews().Single().Name, Is.Null, "a single probe: plain check names");
    }

    [Test]
    public void Parse_ProbesWithProbeUrlBadNamesDuplicatesAndUnknownClass_EachLocated()
    {
        var yaml = WithProbes("""
                    probe:
                      url: http://127.0.0.1:1/productpage
                      interval: 50ms
                      classify: [ { class: ok, status: 200 } ]
                    probes:
                      - { name: Via_Hangzhou, url: "http://127.0.0.1:1/productpage" }
                      - { name: via-x, url: "http://127.0.0.1:1/productpage" }
                      - { name: via-x, url: "http://127.0.0.1:2/productpage", expect: { share: { nope: { atLeast: 0.5 } } } }
                      - { name: via-y, url: "ftp://127.0.0.1/" }
            """);

        var result = Parse(yaml);

        Assert.That(result.Problems.Select(p => p.ToString()), Is.EquivalentTo(new[]
        {
            $"d.yaml:{LineOf(yaml, "  url: http://127.0.0.1:1/productpage\n      interval: 50ms")}:12: drills[1].probe.url: with 'probes', each entry gives its own url; remove this one",
            $"d.yaml:{LineOf(yaml, "Via_Hangzhou")}:17: drills[1].probes[0].name: 'Via_Hangzhou' is not a probe name (lower-case letters, digits and '-', at most 40, e.g. via-hangzhou)",
            $"d.yaml:{LineOf(yaml, "via-x, url: \"http://127.0.0.1:2")}:17: drills[1].probes[2].name: duplicate probe name 'via-x' (first at {LineOf(yaml, "via-x")}:17)",
            $"d.yaml:{LineOf(yaml, "ftp:")}:29: drills[1].probes[3].url: expected an absolute http(s) URL, found 'ftp://127.0.0.1/'",
        }));
    }

    [Test]
    public void Parse_ProbeExpectNamingAnUnknownClass_Located()
    {
        var result = Parse(WithProbes("""
                    probe:
                      interval: 50ms
                      classify: [ { class: ok, status: 200 } ]
                    probes:
                      - { name: via-a, url: "http://127.0.0.1:1/productpage", expect: { share: { nope: { atLeast: 0.5 } } } }
            """));

        Assert.That(result.Problems.Single().Message, Is.EqualTo("drills[1].probes[0].expect.share: 'nope' is not a class of probe.classify (ok)"));
    }

    [Test]
    public void Parse_EnableFailoverWithoutAFailoverList_ValidIstiosDefaultPriorities()
    {
        var result = Parse(SampleYaml.Replace("          failover: [ { from: cn-hangzhou, to: cn-shanghai } ]\n", string.Empty));

        Assert.That(result.Problems, Is.Empty);
        Assert.That(result.Config!.Drills[0].Steps.OfType<EnableFailoverStep>().Single().Failover, Is.Empty);
    }

    [Test]
    public void Overrides_Apply_ReachEveryProbeAndItsOwnExpectations()
    {
        var drill = Parse(WithProbes("""
                    probe:
                      interval: 50ms
                      classify: [ { class: ok, status: 200 } ]
                    probes:
                      - { name: via-a, url: "http://127.0.0.1:1/productpage" }
                      - { name: via-b, url: "http://127.0.0.1:2/productpage", expect: { minSamples: 5000 } }
            """)).Config!.Drills[1] with { Control = new ControlDefinition(TimeSpan.FromSeconds(30)) };

        var fast = new DrillOverrides { ProbeInterval = TimeSpan.FromMilliseconds(10), MinSamples = 100, ControlDuration = TimeSpan.FromSeconds(3) }.Apply(drill);

        Assert.That(fast.NamedProbes.Select(p => (p.Probe.Interval, p.Expect.MinSamples)), Is.EqualTo(new[] { (TimeSpan.FromMilliseconds(10), 100), (TimeSpan.FromMilliseconds(10), 100) }));
        Assert.That(fast.Probe.Interval, Is.EqualTo(TimeSpan.FromMilliseconds(10)));
        Assert.That(fast.Control!.Duration, Is.EqualTo(TimeSpan.FromSeconds(3)));
    }
}
