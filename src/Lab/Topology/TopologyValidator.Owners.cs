namespace DrillBot.Lab;

/// <summary>Checks of <c>owners:</c> and <c>identities:</c>.</summary>
internal static partial class TopologyValidator
{
    /// <summary>The kinds a GitOps owner may list in <c>objects</c> (<c>Kind/name</c>).</summary>
    public static readonly IReadOnlyList<string> OwnableKinds = ["Deployment", "DestinationRule", "VirtualService", "Gateway"];

    private static readonly string[] IstioDefaultObjects = ["Gateway/bookinfo-gateway", "VirtualService/bookinfo", "DestinationRule/productpage", "DestinationRule/reviews", "DestinationRule/ratings", "DestinationRule/details"];

    private static void ValidateOwners(LabTopology topology, Action<string, string> add)
    {
        var seen = new HashSet<(LabOwnerKind, string, string)>();
        for (var i = 0; i < topology.Owners.Count; i++)
        {
            var o = topology.Owners[i];
            var path = $"owners[{i}]";
            var context = topology.FindContext(o.Context);
            if (context is null)
            {
                add($"{path}.context", $"unknown context '{o.Context}'");
                continue;
            }

            if (!DnsLabel().IsMatch(o.Name))
            {
                add($"{path}.name", $"'{o.Name}' is not a valid object name");
            }
            else if (!seen.Add((o.Kind, o.Context, o.Name)))
            {
                add($"{path}.name", $"duplicate {o.Kind} '{o.Name}' in context '{o.Context}'");
            }

            if (o.Namespace is { } ns && !DnsLabel().IsMatch(ns))
            {
                add($"{path}.namespace", $"'{ns}' is not a valid namespace name");
            }

            if (o.Kind is LabOwnerKind.ArgoCd or LabOwnerKind.Flux)
            {
                ValidateOwnedObjects(topology, context, o, path, add);
            }
            else
            {
                ValidateAutoscaler(context, o, path, add);
            }
        }
    }

    private static void ValidateOwnedObjects(LabTopology topology, LabContextSpec context, LabOwnerSpec o, string path, Action<string, string> add)
    {
        if (o.Objects.Count == 0)
        {
            add($"{path}.objects", "a GitOps owner needs at least one object (Kind/name, e.g. Deployment/reviews-v1)");
        }

        for (var j = 0; j < o.Objects.Count; j++)
        {
            var parts = o.Objects[j].Split('/');
            var known = parts.Length == 2 && OwnableKinds.Contains(parts[0], StringComparer.Ordinal) && (parts[0] == "Deployment"
                ? context.Deployments.Any(d => d.Name == parts[1])
                : context.Name == topology.MeshContext && IstioDefaultObjects.Contains(o.Objects[j], StringComparer.Ordinal));
            if (!known)
            {
                add($"{path}.objects[{j}]", $"'{o.Objects[j]}' is not an object of context '{context.Name}' (Kind/name: a Deployment it runs, or on the mesh context one of {string.Join(", ", IstioDefaultObjects)})");
            }
        }
    }

    private static void ValidateAutoscaler(LabContextSpec context, LabOwnerSpec o, string path, Action<string, string> add)
    {
        if (o.Target is null || !context.Deployments.Any(d => d.Name == o.Target))
        {
            add($"{path}.target", $"'{o.Target}' is not a Deployment of context '{context.Name}'");
        }

        if (o.Min < 0 || o.MaxReplicas < 1 || o.Min > o.MaxReplicas || o.MaxReplicas > 50 || (o.Kind == LabOwnerKind.Hpa && o.Min < 1))
        {
            add($"{path}.minReplicas", $"min {o.Min} / max {o.MaxReplicas}: need 0 <= min <= max <= 50 (an HPA's minReplicas is at least 1)");
        }
    }

    private static void ValidateIdentities(LabTopology topology, Action<string, string> add)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < topology.Identities.Count; i++)
        {
            var identity = topology.Identities[i];
            if (!DnsLabel().IsMatch(identity.Name) || identity.Name == "admin")
            {
                add($"identities[{i}].name", $"'{identity.Name}' is not a valid identity name (a DNS label other than 'admin')");
            }
            else if (!names.Add(identity.Name))
            {
                add($"identities[{i}].name", $"duplicate identity '{identity.Name}'");
            }

            for (var j = 0; j < identity.Rules.Count; j++)
            {
                var rule = identity.Rules[j];
                var rPath = $"identities[{i}].rules[{j}]";
                if (rule.Verbs.Count == 0 || rule.Resources.Count == 0 || rule.ApiGroups.Count == 0)
                {
                    add(rPath, "a rule needs apiGroups, resources and verbs");
                }

                foreach (var c in rule.Contexts.Where(c => topology.FindContext(c) is null))
                {
                    add($"{rPath}.contexts", $"unknown context '{c}'");
                }
            }
        }
    }
}
