using System.Globalization;
using System.Text.Json.Nodes;
using DrillBot.Drills.Json;

namespace DrillBot.Drills.Drift;

/// <summary>
/// Who last wrote a field, from <c>metadata.managedFields</c> (https://kubernetes.io/docs/reference/using-api/server-side-apply/#field-management):
/// the entries whose <c>fieldsV1</c> own the path, a parent of it or a part of it, latest <c>time</c> first.
/// </summary>
internal static class FieldManagers
{
    /// <summary>The managers that own <paramref name="path"/> of <paramref name="obj"/>, most recent first (empty when the server keeps no managedFields).</summary>
    public static IReadOnlyList<string> Of(JsonObject obj, JsonPath path) =>
        (obj["metadata"]?["managedFields"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Where(e => Touches(e["fieldsV1"] as JsonObject, path.Segments, 0))
            .OrderByDescending(e => DateTimeOffset.TryParse(e["time"]?.ToString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : DateTimeOffset.MinValue)
            .Select(e => e["manager"]?.ToString() ?? "?")
            .ToList();

    /// <summary>True when <paramref name="fields"/> holds the path from <paramref name="at"/> on, one of its parents, or something below it.</summary>
    private static bool Touches(JsonObject? fields, IReadOnlyList<string> path, int at)
    {
        if (fields is null)
        {
            return false;
        }

        if (at == path.Count)
        {
            return true; // the set owns the path itself or fields below it
        }

        if (fields[$"f:{path[at]}"] is JsonObject next)
        {
            return next.Count == 0 || (next.Count == 1 && next.ContainsKey(".")) || Touches(next, path, at + 1);
        }

        // list items (k:, v:, i:) below a list the path ends in are covered by the at == path.Count case; anything else does not touch it
        return false;
    }
}
