using System.Collections.Concurrent;

namespace DrillBot.Lab.State;

/// <summary>Runtime knobs read by the API servers and the mesh: API faults, RBAC refusals, failing regions.</summary>
internal sealed class ControlState
{
    private readonly ConcurrentDictionary<string, LabApiFaults> _apiFaults = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Context, string Verb, string Kind, string Name), bool> _forbidden = new();
    private readonly ConcurrentDictionary<string, bool> _failingRegions = new(StringComparer.Ordinal);
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
