using System.Text.RegularExpressions;
using DrillBot.Drills.Definitions;

namespace DrillBot.Drills.Probing;

/// <summary>
/// Applies a drill's classification rules: first match wins; no match, timeout or connection error is <c>error</c>. A
/// <c>bodyMatches</c> that exceeds its match timeout (a starved machine, a pathological pattern) makes the sample
/// <c>error</c> too: an answer that could not be classified is never given a later rule's class, and never breaks the run.
/// </summary>
public static class SampleClassifier
{
    public const string ErrorClass = "error";

    public static (string Class, bool Ok) Classify(IReadOnlyList<ClassifyRule> rules, ProbeResponse response)
    {
        if (response.Status is not { } status)
        {
            return (ErrorClass, false);
        }

        var body = response.Body ?? string.Empty;
        try
        {
            foreach (var rule in rules)
            {
                var matches = (rule.Status is null || rule.Status == status)
                    && (rule.BodyContains is null || body.Contains(rule.BodyContains, StringComparison.Ordinal))
                    && (rule.BodyMatches is null || rule.BodyMatches.IsMatch(body));
                if (matches)
                {
                    return (rule.Class, rule.Ok);
                }
            }
        }
        catch (RegexMatchTimeoutException)
        {
            // unclassifiable: not "no match" (a later rule, e.g. status 200, would then call a page healthy)
        }

        return (ErrorClass, false);
    }
}
