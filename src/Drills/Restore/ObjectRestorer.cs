using System.Text.Json.Nodes;
using DrillBot.Drills.Cluster;
using DrillBot.Drills.Journal;
using DrillBot.Drills.Json;
using DrillBot.Drills.Steps;

namespace DrillBot.Drills.Restore;

/// <summary>Restores one journal entry field by field, then re-reads the object and verifies it.</summary>
internal static class ObjectRestorer
{
    private const int MaxConflicts = 5;

    public static async Task<RestoreItemResult> RestoreAsync(JournalRecord record, IClusterClient client, CancellationToken cancellationToken)
    {
        var entry = record.Entry;
        var change = JsonTools.Parse(entry.ChangeJson);
        var prior = entry.PriorJson is null ? null : JsonTools.Parse(entry.PriorJson);
        var applied = record.AppliedJson is null ? null : JsonTools.Parse(record.AppliedJson);
        var paths = prior is null ? [] : JsonTools.Leaves(change).Where(p => !p.StartsWith(DrillAnnotations.RunPath) && !p.StartsWith(DrillAnnotations.PriorPath)).ToList();
        var before = prior is null ? "{\"$object\":null}" : Values(prior, paths);
        var during = prior is null ? "{\"$object\":\"created\"}" : Values(change, paths);
        RestoreItemResult Result(bool ok, bool verified, string? after, IReadOnlyList<string> conflicts, string? error) =>
            new(entry.Target, entry.Step, ok, verified, before, during, after, conflicts, error);

        string? lastError = null;
        for (var attempt = 0; attempt < MaxConflicts; attempt++)
        {
            var read = await client.GetAsync(entry.Target, cancellationToken);
            if (!read.Ok)
            {
                return Result(false, false, null, [], read.Error!.Message);
            }

            var current = read.Value;
            if (prior is null)
            {
                return await DeleteCreatedAsync(entry, current, client, Result, cancellationToken);
            }

            if (current is null)
            {
                return Result(false, false, null, [], $"cluster {entry.Target.Cluster}: {entry.Target.Kind} {entry.Target.Namespace}/{entry.Target.Name} was deleted during the drill; it cannot be restored");
            }

            var plan = FieldRestorePlan.Build(prior, change, current, applied);
            var error = await WriteAsync(entry.Target, client, current, plan.Desired, cancellationToken);
            if (error?.Kind == ClusterErrorKind.Conflict)
            {
                lastError = error.Message;
                continue;
            }

            if (error is not null)
            {
                return Result(false, false, null, plan.Conflicts, error.Message);
            }

            var reread = await client.GetAsync(entry.Target, cancellationToken);
            if (!reread.Ok || reread.Value is null)
            {
                return Result(false, false, null, plan.Conflicts, reread.Error?.Message ?? "the object vanished right after restore");
            }

            var after = reread.Value;
            var fieldsBack = plan.Restored.All(p => p.Find(after).Exists == p.Find(prior).Exists && JsonNode.DeepEquals(p.Find(after).Value, p.Find(prior).Value));
            var annotationsGone = DrillAnnotations.RunOf(after) is null && !DrillAnnotations.PriorPath.Find(after).Exists;
            var whole = plan.Conflicts.Count == 0 && JsonTools.SameState(after, prior);
            var ok = fieldsBack && annotationsGone && (whole || plan.Conflicts.Count > 0);
            var problem = ok ? null : $"after restore {entry.Target} still differs from its prior state: {JsonTools.Compact(JsonTools.Diff(JsonTools.Comparable(prior), JsonTools.Comparable(after)))}";
            return Result(ok, ok && whole, Values(after, paths), plan.Conflicts, problem);
        }

        return Result(false, false, null, [], lastError ?? "conflicts kept recurring");
    }

    private static async Task<RestoreItemResult> DeleteCreatedAsync(JournalEntry entry, JsonObject? current, IClusterClient client, Func<bool, bool, string?, IReadOnlyList<string>, string?, RestoreItemResult> result, CancellationToken cancellationToken)
    {
        if (current is null)
        {
            return result(true, true, "{\"$object\":null}", [], null);
        }

        if (DrillAnnotations.RunOf(current) != entry.RunId)
        {
            return result(true, false, "{\"$object\":\"kept\"}", [$"{entry.Target} was replaced by someone else during the drill; left as it is"], null);
        }

        var deleted = await client.DeleteAsync(entry.Target, cancellationToken);
        if (!deleted.Ok)
        {
            return result(false, false, null, [], deleted.Error!.Message);
        }

        var reread = await client.GetAsync(entry.Target, cancellationToken);
        var gone = reread.Ok && reread.Value is null;
        return result(gone, gone, gone ? "{\"$object\":null}" : null, [], gone ? null : $"{entry.Target} still exists after delete");
    }

    /// <summary>
    /// One JSON merge patch of everything that differs (a Deployment's replicas included, so the write is atomic),
    /// carrying the resourceVersion that was read: if someone else wrote in between, the API server answers 409
    /// and the caller re-reads instead of overwriting their change.
    /// </summary>
    private static async Task<ClusterError?> WriteAsync(ObjectRef target, IClusterClient client, JsonObject current, JsonObject desired, CancellationToken cancellationToken)
    {
        var patch = JsonTools.Diff(current, desired);
        if (patch.Count == 0)
        {
            return null;
        }

        ResourceVersions.Require(patch, current);
        return (await client.PatchAsync(target, patch, cancellationToken)).Error;
    }

    private static string Values(JsonObject obj, IEnumerable<JsonPath> paths)
    {
        var map = new JsonObject();
        foreach (var p in paths)
        {
            var (exists, value) = p.Find(obj);
            map[p.ToString()] = exists ? value?.DeepClone() : null;
        }

        return map.ToJsonString();
    }
}
