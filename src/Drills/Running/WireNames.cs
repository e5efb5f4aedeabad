using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json.Serialization;

namespace DrillBot.Drills.Running;

/// <summary>
/// The one spelling of the run vocabulary on every wire: report JSON, SQL columns, metric label values, Slack, the
/// API and the CLI. Each enum member carries its wire name beside it as <see cref="JsonStringEnumMemberNameAttribute"/>
/// (which System.Text.Json honours for the report); this class reads that same attribute for every other wire.
/// </summary>
public static class WireNames
{
    /// <summary>The wire name of <paramref name="value"/>, e.g. <c>Verdict.Passed</c> → <c>"passed"</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is not a declared member.</exception>
    public static string WireName<T>(this T value)
        where T : struct, Enum =>
        Table<T>.Names.TryGetValue(value, out var name) ? name : throw new ArgumentOutOfRangeException(nameof(value), value, $"Not a {typeof(T).Name}.");

    /// <summary>The member spelled <paramref name="text"/> on the wire (exact, case-sensitive), or false.</summary>
    public static bool TryParse<T>(string? text, out T value)
        where T : struct, Enum
    {
        if (text is not null && Table<T>.Values.TryGetValue(text, out value))
        {
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>Every member's wire name, in declaration order (e.g. the label values declared at start).</summary>
    public static IReadOnlyList<string> All<T>()
        where T : struct, Enum => Table<T>.Ordered;

    private static class Table<T>
        where T : struct, Enum
    {
        public static readonly IReadOnlyList<string> Ordered;
        public static readonly FrozenDictionary<T, string> Names;
        public static readonly FrozenDictionary<string, T> Values;

        static Table()
        {
            var members = typeof(T).GetFields(BindingFlags.Public | BindingFlags.Static)
                .Select(f => ((T)f.GetValue(null)!, f.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name
                    ?? throw new InvalidOperationException($"{typeof(T).Name}.{f.Name} has no wire name.")))
                .ToList();
            Ordered = members.Select(m => m.Item2).ToArray();
            Names = members.ToFrozenDictionary(m => m.Item1, m => m.Item2);
            Values = members.ToFrozenDictionary(m => m.Item2, m => m.Item1, StringComparer.Ordinal);
        }
    }
}
