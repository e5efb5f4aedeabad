using DrillBot.Drills.Definitions;

namespace DrillBot.Drills.Probing;

/// <summary>Applies a drill's classification rules: first match wins; no match, timeout or connection error is <c>error</c>.</summary>
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

        return (ErrorClass, false);
    }
}
