using YamlDotNet.RepresentationModel;

namespace DrillBot.Tests.Chart;

/// <summary>An RBAC rule in a comparable form: each list sorted and joined with commas.</summary>
internal sealed record PolicyRule(string ApiGroups, string Resources, string ResourceNames, string Verbs)
{
    public static PolicyRule Of(string apiGroup, string resources, string resourceNames, string verbs) =>
        new(apiGroup, Sorted(resources), Sorted(resourceNames), Sorted(verbs));

    public static IReadOnlyList<PolicyRule> From(Manifest role) =>
        [.. role.Root.Items("rules").Select(r => new PolicyRule(
            Join(r.Strings("apiGroups")), Join(r.Strings("resources")), Join(r.Strings("resourceNames")), Join(r.Strings("verbs"))))];

    public override string ToString() => $"[{ApiGroups}] {Resources} names=[{ResourceNames}] verbs=[{Verbs}]";

    private static string Join(IEnumerable<string> items) => string.Join(',', items.Order(StringComparer.Ordinal));

    private static string Sorted(string list) =>
        Join(list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
