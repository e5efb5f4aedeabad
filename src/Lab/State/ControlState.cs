using System.Collections.Concurrent;

namespace DrillBot.Lab.State;

/// <summary>Runtime knobs read by the API servers and the mesh: API faults, RBAC refusals, failing regions.</summary>
internal sealed class ControlState
{
    private readonly ConcurrentDictionary<string, LabApiFaults> _apiFaults = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Context, string Verb, string Kind, string Name), bool> _forbidden = new();
    private readonly ConcurrentDictionary<string, bool> _failingRegions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Context, string Verb, string Kind, string Name), (string Why, bool OnDryRun)> _denied = new();
    private readonly LabTopology _topology;

    public ControlState(LabTopology topology)
    {
        _topology = topology;
        Reset();
    }

    public LabApiFaults ApiFaults(string context) => _apiFaults.GetValueOrDefault(context) ?? LabApiFaults.None;

    public void SetApiFaults(string context, LabApiFaults faults) => _apiFaults[context] = faults;

    public void Forbid(string context, string verb, string kind, string name) =>
        _forbidden[(context, verb.ToLowerInvariant(), kind.ToLowerInvariant(), name)] = true;

    /// <summary>An admission webhook that refuses <paramref name="verb"/> on the object (RBAC allows it; access reviews say yes).</summary>
    public void Deny(string context, string verb, string kind, string name, string why, bool onDryRun) =>
        _denied[(context, verb.ToLowerInvariant(), kind.ToLowerInvariant(), name)] = (why, onDryRun);

    /// <summary>Why the admission webhook refuses this write, or null when it lets it through.</summary>
    public string? DeniedBy(string context, string verb, string kind, string? name, bool dryRun)
    {
        if (_denied.IsEmpty
            || !(_denied.TryGetValue((context, verb, kind.ToLowerInvariant(), name ?? "*"), out var denial) || _denied.TryGetValue((context, verb, kind.ToLowerInvariant(), "*"), out denial)))
        {
            return null;
        }

        return dryRun && !denial.OnDryRun ? null : denial.Why;
    }

    public bool IsForbidden(string context, string verb, string kind, string? name) =>
        !_forbidden.IsEmpty
        && (_forbidden.ContainsKey((context, verb, kind.ToLowerInvariant(), name ?? "*"))
            || _forbidden.ContainsKey((context, verb, kind.ToLowerInvariant(), "*")));

    private readonly ConcurrentDictionary<(string Context, string Deployment), bool> _neverReady = new();

    /// <summary>New pods of this deployment never become ready (an image that cannot start).</summary>
    public bool IsNeverReady(string context, string deployment) => _neverReady.ContainsKey((context, deployment));

    public void SetNeverReady(string context, string deployment, bool never)
    {
        if (never)
        {
            _neverReady[(context, deployment)] = true;
        }
        else
        {
            _neverReady.TryRemove((context, deployment), out _);
        }
    }

    public bool IsRegionFailing(string? region) => region is not null && _failingRegions.ContainsKey(region);

    public void SetRegionFailing(string region, bool failing)
    {
        if (failing)
        {
            _failingRegions[region] = true;
        }
        else
        {
            _failingRegions.TryRemove(region, out _);
        }
    }

    /// <summary>The topology's starting faults (API faults per context).</summary>
    public void Reset()
    {
        _apiFaults.Clear();
        _forbidden.Clear();
        _denied.Clear();
        foreach (var context in _topology.Contexts)
        {
            _apiFaults[context.Name] = context.ApiFaults;
        }
    }

    /// <summary>No faults at all: no API faults, no refusals, no failing region.</summary>
    public void Clear()
    {
        _neverReady.Clear();
        _apiFaults.Clear();
        _forbidden.Clear();
        _denied.Clear();
        _failingRegions.Clear();
    }

    public void ResetRegions()
    {
        _failingRegions.Clear();
        foreach (var region in _topology.FailingRegions)
        {
            _failingRegions[region] = true;
        }
    }
}
