using System.Text.RegularExpressions;
using DrillBot.Drills.Definitions;
using DrillBot.Drills.Probing;

namespace DrillBot.Drills.Tests.Probing;

public sealed class SampleClassifierTests
{
    [Test]
    public void Classify_BodyMatchesTimesOut_ErrorNotALaterRulesClass()
    {
        // catastrophic backtracking on a body that almost matches: the match times out
        var slow = new Regex("^(a+)+$", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(1));
        var rules = new[] { new ClassifyRule("cn-shanghai", null, null, slow, true), new ClassifyRule("cn-hangzhou", 200, null, null, true) };

        var (cls, ok) = SampleClassifier.Classify(rules, new ProbeResponse(200, new string('a', 40) + "!", null));

        Assert.That((cls, ok), Is.EqualTo((SampleClassifier.ErrorClass, false)), "an answer that could not be classified is not called healthy by the status rule");
    }

    [Test]
    public void Classify_FirstMatchWins_LaterRuleWhenTheFirstDoesNotMatch()
    {
        var rules = new[] { new ClassifyRule("cn-shanghai", null, null, new Regex("full stars"), true), new ClassifyRule("cn-hangzhou", 200, null, null, true) };

        Assert.That(SampleClassifier.Classify(rules, new ProbeResponse(200, "<!-- full stars: -->", null)), Is.EqualTo(("cn-shanghai", true)));
        Assert.That(SampleClassifier.Classify(rules, new ProbeResponse(200, "no stars", null)), Is.EqualTo(("cn-hangzhou", true)));
    }
}
