namespace DrillBot.Lab.Mesh;

/// <summary>Istio locality patterns: <c>region/zone/subzone</c>, each part exact or <c>*</c>; missing trailing parts match anything.</summary>
internal static class LocalityMatcher
{
    public static bool Matches(string pattern, string? region, string? zone)
    {
        var parts = pattern.Split('/');
        return Part(parts, 0, region) && Part(parts, 1, zone);
    }

    private static bool Part(string[] parts, int index, string? value) =>
        index >= parts.Length || parts[index] == "*" || string.Equals(parts[index], value ?? "", StringComparison.Ordinal);
}
