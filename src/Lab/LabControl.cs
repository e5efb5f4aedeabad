using DrillBot.Lab.State;

namespace DrillBot.Lab;

/// <summary>Thread-safe runtime knobs of a running Lab (faults for tests and demos).</summary>
public sealed class LabControl
{
    private readonly LabWorld _world;

    internal LabControl(LabWorld world) => _world = world;

    /// <summary>
    /// API faults for one context: <paramref name="errorRatio"/> of requests answer <paramref name="status"/>
    /// (500/503/429 with <c>Retry-After: 1</c>) or reset the connection (status 0), each after <paramref name="latency"/>.
    /// </summary>
    public void SetApiFaults(string context, double errorRatio, int status = 503, TimeSpan latency = default)
    {
        var faults = new LabApiFaults(errorRatio, status, latency);
        RequireContext(context);
        if (errorRatio is < 0 or > 1 || double.IsNaN(errorRatio) || status is not (0 or 429 or 500 or 502 or 503 or 504) || latency < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(errorRatio), "errorRatio must be 0..1, status one of 0, 429, 500, 502, 503, 504, latency >= 0");
        }

        _world.Control.SetApiFaults(context, faults);
    }

    /// <summary>Refuse one verb (get/list/patch/update/create/delete) on one object (<paramref name="name"/> "*" = any) with 403.</summary>
    public void Forbid(string context, string verb, string kind, string name)
    {
        RequireContext(context);
        _world.Control.Forbid(context, verb, kind, name);
    }

    /// <summary>
    /// A validating admission webhook that refuses one write (create/patch/update/delete; <paramref name="name"/> "*" = any)
    /// with 403 "admission webhook … denied the request: <paramref name="why"/>", although RBAC allows it (access reviews
    /// say yes). <paramref name="onDryRun"/> false: the webhook lets <c>dryRun=All</c> requests through (it acts on real
    /// writes only), so a permission preflight cannot see it.
    /// </summary>
    public void Deny(string context, string verb, string kind, string name, string why, bool onDryRun = true)
    {
        RequireContext(context);
        _world.Control.Deny(context, verb, kind, name, why, onDryRun);
    }

    /// <summary>Removes every fault: API faults (also the topology's), refusals and failing regions.</summary>
    public void ClearFaults()
    {
        lock (_world.Gate)
        {
            var now = _world.Time.GetUtcNow();
            _world.Begin(now);
            _world.Control.Clear();
            _world.RoutingChanged("reviews");
            _world.Publish(now);
        }
    }

    /// <summary>Reviews pods of <paramref name="region"/> stay listed and ready but answer 503 (a broken region).</summary>
    public void SetRegionFailing(string region, bool failing)
    {
        if (!_world.RegionIndex.ContainsKey(region))
        {
            throw new ArgumentException($"unknown region '{region}'", nameof(region));
        }

        lock (_world.Gate)
        {
            var now = _world.Time.GetUtcNow();
            _world.Begin(now);
            _world.Control.SetRegionFailing(region, failing);
            _world.RoutingChanged("reviews");
            _world.Publish(now);
        }
    }

    /// <summary>New pods of <paramref name="deployment"/> in <paramref name="context"/> stay starting and never become ready (an image that cannot start).</summary>
    public void SetPodsNeverReady(string context, string deployment, bool never = true)
    {
        RequireContext(context);
        _world.Control.SetNeverReady(context, deployment, never);
    }

    private void RequireContext(string context)
    {
        if (_world.FindContext(context) is null)
        {
            throw new ArgumentException($"unknown context '{context}'", nameof(context));
        }
    }
}
