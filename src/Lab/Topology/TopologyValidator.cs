using System.Text.RegularExpressions;

namespace DrillBot.Lab;

/// <summary>Semantic checks of a topology; every problem is reported, each with its field path.</summary>
internal static partial class TopologyValidator
{
    private static readonly TimeSpan MaxDelay = TimeSpan.FromMinutes(10);
    private static readonly int[] ApiStatuses = [0, 429, 500, 502, 503, 504];

    public static IReadOnlyList<TopologyProblem> Validate(LabTopology topology)
    {
        var problems = new List<TopologyProblem>();
        void Add(string path, string message) => problems.Add(new TopologyProblem(path, message));

        if (!DnsLabel().IsMatch(topology.Namespace))
        {
            Add("namespace", $"'{topology.Namespace}' is not a valid namespace name (lowercase letters, digits, '-')");
        }

        if (topology.Contexts.Count == 0)
        {
            Add("contexts", "at least one context is required");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < topology.Contexts.Count; i++)
        {
            ValidateContext(topology.Contexts[i], $"contexts[{i}]", names, Add);
        }

        if (!topology.Contexts.Any(c => c.Region is not null))
        {
            Add("contexts", "at least one context needs a region (a cluster that runs pods)");
        }

        var ingress = topology.FindContext(topology.IngressContext);
        if (ingress is null)
        {
            Add("ingress", $"unknown context '{topology.IngressContext}'");
        }
        else if (ingress.Region is null)
        {
            Add("ingress", $"context '{ingress.Name}' has no region; the ingress must live in a regional cluster");
        }
        else if (!ingress.Deployments.Any(d => d.App == "productpage"))
        {
            Add("ingress", $"context '{ingress.Name}' runs no productpage deployment for the ingress to call");
        }

        for (var i = 0; i < (topology.IngressContexts?.Count ?? 0); i++)
        {
            var name = topology.IngressContexts![i];
            var context = topology.FindContext(name);
            if (context is null || context.Region is null || !context.Deployments.Any(d => d.App == "productpage"))
            {
                Add($"ingresses[{i}]", context is null ? $"unknown context '{name}'" : $"context '{name}' needs a region and a productpage deployment to host an ingress gateway");
            }
            else if (topology.IngressContexts.Take(i).Contains(name, StringComparer.Ordinal))
            {
                Add($"ingresses[{i}]", $"context '{name}' is listed twice");
            }
        }

        if (topology.IngressContexts is { } listed && !listed.Contains(topology.IngressContext, StringComparer.Ordinal))
        {
            Add("ingresses", $"the primary ingress '{topology.IngressContext}' (ingress:) must be one of them");
        }

        if (topology.FindContext(topology.MeshContext) is null)
        {
            Add("mesh", $"unknown context '{topology.MeshContext}'");
        }

        CheckDelay(topology.Timing.PodStartDelay, "timing.podStartDelay", Add);
        CheckDelay(topology.Timing.PodStopDelay, "timing.podStopDelay", Add);
        CheckDelay(topology.Timing.EndpointPropagationDelay, "timing.endpointPropagationDelay", Add);
        CheckDelay(topology.Timing.EndpointRemovalDelay, "timing.endpointRemovalDelay", Add);
        if (topology.Timing.ConnectionSetupLatency < TimeSpan.Zero || topology.Timing.ConnectionSetupLatency > TimeSpan.FromSeconds(10))
        {
            Add("timing.connectionSetupLatency", $"{topology.Timing.ConnectionSetupLatency} is out of range 0..10s");
        }
        if (topology.Mesh.RetryAttempts is < 0 or > 10)
        {
            Add("istio.retryAttempts", $"{topology.Mesh.RetryAttempts} is out of range 0..10");
        }

        CheckDelay(topology.Mesh.RetryBackoff, "istio.retryBackoff", Add);
        var regions = topology.Contexts.Select(c => c.Region).OfType<string>().ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < topology.FailingRegions.Count; i++)
        {
            if (!regions.Contains(topology.FailingRegions[i]))
            {
                Add($"faults.failingRegions[{i}]", $"unknown region '{topology.FailingRegions[i]}'");
            }
        }

        CheckDelay(topology.Timing.SelfHealDelay, "timing.selfHealDelay", Add);
        CheckDelay(topology.Timing.AutoscalerSyncPeriod, "timing.autoscalerSyncPeriod", Add);
        ValidateOwners(topology, Add);
        ValidateIdentities(topology, Add);
        var apps = topology.Contexts.SelectMany(c => c.Deployments).Select(d => d.App).ToHashSet(StringComparer.Ordinal);
        foreach (var app in topology.Services.Keys.Where(a => !apps.Contains(a)))
        {
            Add($"services.{app}", $"no deployment has app '{app}'");
        }

        return problems;
    }

    private static void ValidateContext(LabContextSpec context, string path, HashSet<string> names, Action<string, string> add)
    {
        if (!ContextName().IsMatch(context.Name))
        {
            add($"{path}.name", $"'{context.Name}' is not a valid context name (letters, digits, '.', '_', '-')");
        }
        else if (!names.Add(context.Name))
        {
            add($"{path}.name", $"duplicate context '{context.Name}'");
        }

        if (context.Region is not null && !LocalityPart().IsMatch(context.Region))
        {
            add($"{path}.region", $"'{context.Region}' is not a valid region name");
        }

        if (context.Zone is not null && (context.Region is null || !LocalityPart().IsMatch(context.Zone)))
        {
            add($"{path}.zone", context.Region is null ? "a zone needs a region" : $"'{context.Zone}' is not a valid zone name");
        }

        if (context.Region is null && context.Deployments.Count > 0)
        {
            add($"{path}.deployments", "a context without a region is a mesh control plane and runs no pods; give it a region");
        }

        ValidateApiFaults(context.ApiFaults, $"{path}.apiFaults", add);
        var deployments = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < context.Deployments.Count; i++)
        {
            var d = context.Deployments[i];
            var dPath = $"{path}.deployments[{i}]";
            if (!DnsLabel().IsMatch(d.Name))
            {
                add($"{dPath}.name", $"'{d.Name}' is not a valid deployment name");
            }
            else if (!deployments.Add(d.Name))
            {
                add($"{dPath}.name", $"duplicate deployment '{d.Name}'");
            }

            if (d.Replicas is < 0 or > 50)
            {
                add($"{dPath}.replicas", $"{d.Replicas} is out of range 0..50");
            }

            if (!DnsLabel().IsMatch(d.App) || !DnsLabel().IsMatch(d.Version))
            {
                add($"{dPath}", $"labels app='{d.App}' version='{d.Version}' are not valid label values");
            }

            if (d.App == "reviews" && d.Version is not ("v1" or "v2" or "v3"))
            {
                add($"{dPath}.version", $"reviews version '{d.Version}' is not one of v1, v2, v3");
            }
        }
    }

    private static void ValidateApiFaults(LabApiFaults faults, string path, Action<string, string> add)
    {
        if (faults.ErrorRatio is < 0 or > 1 || double.IsNaN(faults.ErrorRatio))
        {
            add($"{path}.errorRatio", $"{faults.ErrorRatio} is out of range 0..1");
        }

        if (!ApiStatuses.Contains(faults.Status))
        {
            add($"{path}.status", $"{faults.Status} is not one of 0 (connection reset), 429, 500, 502, 503, 504");
        }

        if (faults.Latency < TimeSpan.Zero || faults.Latency > TimeSpan.FromMinutes(1))
        {
            add($"{path}.latency", $"{faults.Latency} is out of range 0..1m");
        }
    }

    private static void CheckDelay(TimeSpan value, string path, Action<string, string> add)
    {
        if (value < TimeSpan.Zero || value > MaxDelay)
        {
            add(path, $"{value} is out of range 0..10m");
        }
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$")]
    private static partial Regex DnsLabel();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,252}$")]
    private static partial Regex ContextName();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$")]
    private static partial Regex LocalityPart();
}
