using System.Text.Json.Nodes;

namespace DrillBot.Lab.Api;

/// <summary>
/// The part of Kubernetes' strategic merge patch that Deployments need: maps merge, <c>null</c> deletes,
/// lists with a known merge key (containers by name, ports by containerPort, …) merge item by item,
/// other lists replace; the <c>$patch</c>, <c>$retainKeys</c>, <c>$setElementOrder</c> and
/// <c>$deleteFromPrimitiveList</c> directives are honoured.
/// </summary>
internal static class StrategicMergePatch
{
    private static readonly Dictionary<string, string> MergeKeys = new(StringComparer.Ordinal)
    {
        ["containers"] = "name",
        ["initContainers"] = "name",
        ["ephemeralContainers"] = "name",
        ["env"] = "name",
        ["volumes"] = "name",
        ["volumeMounts"] = "mountPath",
        ["volumeDevices"] = "devicePath",
        ["ports"] = "containerPort",
        ["imagePullSecrets"] = "name",
        ["hostAliases"] = "ip",
        ["conditions"] = "type",
        ["ownerReferences"] = "uid",
    };

    public static JsonObject Apply(JsonObject target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
        {
            throw new PatchException("strategic merge patch must be a JSON object", malformed: true);
        }

        return Merge(target, patchObject) as JsonObject ?? new JsonObject();
    }

    private static JsonNode? Merge(JsonObject target, JsonObject patch)
    {
        switch (patch["$patch"]?.ToString())
        {
            case "delete":
                return null;
            case "replace":
                var replaced = (JsonObject)patch.DeepClone();
                replaced.Remove("$patch");
                return replaced;
        }

        foreach (var (key, value) in patch)
        {
            if (key is "$patch" or "$retainKeys" || key.StartsWith("$setElementOrder/", StringComparison.Ordinal))
            {
                continue;
            }

            if (key.StartsWith("$deleteFromPrimitiveList/", StringComparison.Ordinal))
            {
                var field = key["$deleteFromPrimitiveList/".Length..];
                if (target[field] is JsonArray list && value is JsonArray doomed)
                {
                    foreach (var item in list.Where(i => doomed.Any(d => JsonNode.DeepEquals(d, i))).ToList())
                    {
                        list.Remove(item);
                    }
                }

                continue;
            }

            if (value is null)
            {
                target.Remove(key);
            }
            else if (value is JsonObject patchChild && target[key] is JsonObject targetChild)
            {
                var merged = Merge((JsonObject)targetChild.DeepClone(), patchChild);
                if (merged is null)
                {
                    target.Remove(key);
                }
                else
                {
                    target[key] = merged;
                }
            }
            else if (value is JsonArray patchList)
            {
                target[key] = MergeList(target[key] as JsonArray, patchList, MergeKeys.GetValueOrDefault(key));
            }
            else
            {
                var clone = value.DeepClone();
                if (clone is JsonObject cloneObject)
                {
                    cloneObject.Remove("$patch");
                }

                target[key] = clone;
            }
        }

        if (patch["$retainKeys"] is JsonArray retain)
        {
            var keep = retain.Select(k => k?.ToString()).ToHashSet(StringComparer.Ordinal);
            foreach (var key in target.Select(p => p.Key).Where(k => !keep.Contains(k)).ToList())
            {
                target.Remove(key);
            }
        }

        return target;
    }

    private static JsonArray MergeList(JsonArray? target, JsonArray patch, string? mergeKey)
    {
        var items = patch.Where(i => i is not JsonObject o || o["$patch"] is null).Select(i => i?.DeepClone()).ToList();
        var replace = patch.Any(i => i is JsonObject o && o["$patch"]?.ToString() == "replace");
        if (mergeKey is null || target is null || replace)
        {
            return new JsonArray([.. items]);
        }

        var result = new JsonArray([.. target.Select(i => i?.DeepClone())]);
        foreach (var item in patch)
        {
            if (item is not JsonObject patchItem || patchItem[mergeKey] is not { } keyValue)
            {
                result.Add(item?.DeepClone());
                continue;
            }

            var existing = result.OfType<JsonObject>().FirstOrDefault(t => JsonNode.DeepEquals(t[mergeKey], keyValue));
            if (patchItem["$patch"]?.ToString() == "delete")
            {
                if (existing is not null)
                {
                    result.Remove(existing);
                }

                continue;
            }

            if (existing is null)
            {
                result.Add(patchItem.DeepClone());
            }
            else
            {
                var index = result.IndexOf(existing);
                result[index] = Merge((JsonObject)existing.DeepClone(), patchItem);
            }
        }

        return result;
    }
}
