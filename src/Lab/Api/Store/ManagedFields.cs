using System.Text.Json.Nodes;

namespace DrillBot.Lab.Api;

/// <summary>
/// <c>metadata.managedFields</c> as the API server keeps them for Update operations
/// (https://kubernetes.io/docs/reference/using-api/server-side-apply/#field-management): the manager of a write (its
/// <c>fieldManager</c>, else the User-Agent up to the first '/') becomes the owner of every field the write changed, and
/// those fields leave every other manager's set; an entry left with no field is dropped. Lab simplifications: arrays are
/// owned whole (as CRD lists without <c>x-kubernetes-list-type</c> are), empty maps are owned by nobody, <c>status</c> is not
/// tracked, no "." entries.
/// </summary>
internal static class ManagedFields
{
    private static readonly HashSet<string> Untracked = ["resourceVersion", "generation", "managedFields", "uid", "creationTimestamp", "name", "namespace", "deletionTimestamp"];

    /// <summary>Updates <paramref name="after"/>'s managedFields for a write by <paramref name="manager"/> that turned <paramref name="before"/> (null: create) into it.</summary>
    public static void Record(JsonObject? before, JsonObject after, string manager, string apiVersion, string? subresource, DateTimeOffset now)
    {
        var oldLeaves = before is null ? [] : Leaves(Tracked(before));
        var newLeaves = Leaves(Tracked(after));
        var changed = newLeaves.Where(p => !oldLeaves.TryGetValue(p.Key, out var old) || !JsonNode.DeepEquals(old, p.Value)).Select(p => p.Key).ToList();
        var removed = oldLeaves.Keys.Where(k => !newLeaves.ContainsKey(k)).ToList();
        if (changed.Count == 0 && removed.Count == 0)
        {
            return;
        }

        var entries = (after["metadata"]?["managedFields"] as JsonArray ?? []).OfType<JsonObject>().Select(e => (JsonObject)e.DeepClone()).ToList();
        var kept = new JsonArray();
        JsonObject? own = null;
        foreach (var entry in entries)
        {
            var paths = Paths(entry["fieldsV1"] as JsonObject).Where(p => !changed.Concat(removed).Any(c => Covers(c, p) || Covers(p, c))).ToHashSet(StringComparer.Ordinal);
            var mine = entry["manager"]?.ToString() == manager && entry["operation"]?.ToString() == "Update" && entry["subresource"]?.ToString() == subresource;
            if (mine)
            {
                paths.UnionWith(changed);
                own = entry;
            }

            if (paths.Count == 0)
            {
                continue;
            }

            entry["fieldsV1"] = FieldsV1(paths);
            if (mine)
            {
                entry["time"] = KubeTime.Format(now);
                entry["apiVersion"] = apiVersion;
            }

            kept.Add(entry);
        }

        if (own is null && changed.Count > 0)
        {
            var entry = new JsonObject
            {
                ["apiVersion"] = apiVersion,
                ["fieldsType"] = "FieldsV1",
                ["fieldsV1"] = FieldsV1(changed),
                ["manager"] = manager,
                ["operation"] = "Update",
                ["time"] = KubeTime.Format(now),
            };
            if (subresource is not null)
            {
                entry["subresource"] = subresource;
            }

            kept.Add(entry);
        }

        var meta = after["metadata"] as JsonObject ?? [];
        after["metadata"] = meta;
        if (kept.Count == 0)
        {
            meta.Remove("managedFields");
        }
        else
        {
            meta["managedFields"] = kept;
        }
    }

    /// <summary>The manager named by a request: its <c>fieldManager</c>, else its User-Agent up to the first '/'.</summary>
    public static string ManagerOf(string? fieldManager, string? userAgent) =>
        !string.IsNullOrEmpty(fieldManager) ? fieldManager
        : string.IsNullOrEmpty(userAgent) ? "unknown" : userAgent.Split('/')[0].Trim();

    private static JsonObject Tracked(JsonObject obj)
    {
        var copy = (JsonObject)obj.DeepClone();
        copy.Remove("status");
        copy.Remove("apiVersion");
        copy.Remove("kind");
        if (copy["metadata"] is JsonObject meta)
        {
            foreach (var key in Untracked)
            {
                meta.Remove(key);
            }
        }

        return copy;
    }

    /// <summary>Leaf paths (keys joined by '\n') with their values; arrays and scalars are leaves, empty objects own nothing.</summary>
    private static Dictionary<string, JsonNode?> Leaves(JsonObject obj)
    {
        var result = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        void Walk(JsonObject node, string prefix)
        {
            foreach (var (key, value) in node)
            {
                var path = prefix.Length == 0 ? key : prefix + "\n" + key;
                if (value is JsonObject child)
                {
                    Walk(child, path);
                }
                else
                {
                    result[path] = value;
                }
            }
        }

        Walk(obj, "");
        return result;
    }

    private static bool Covers(string ancestor, string path) =>
        path == ancestor || path.StartsWith(ancestor + "\n", StringComparison.Ordinal);

    private static IEnumerable<string> Paths(JsonObject? fields)
    {
        if (fields is null)
        {
            yield break;
        }

        foreach (var (key, value) in fields)
        {
            if (!key.StartsWith("f:", StringComparison.Ordinal))
            {
                continue;
            }

            var name = key[2..];
            var children = value as JsonObject;
            var deeper = children is null ? [] : Paths(children).ToList();
            if (deeper.Count == 0)
            {
                yield return name;
            }

            foreach (var d in deeper)
            {
                yield return name + "\n" + d;
            }
        }
    }

    private static JsonObject FieldsV1(IEnumerable<string> paths)
    {
        var root = new JsonObject();
        foreach (var path in paths.Order(StringComparer.Ordinal))
        {
            var node = root;
            foreach (var part in path.Split('\n'))
            {
                var key = "f:" + part;
                if (node[key] is not JsonObject next)
                {
                    next = [];
                    node[key] = next;
                }

                node = next;
            }
        }

        return root;
    }
}
