using DrillBot.Lab.State;

namespace DrillBot.Lab.Mesh;

/// <summary>
/// The ReplicaSet/kubelet/EDS emulation: creates and terminates pods on scale, and schedules readiness,
/// endpoint propagation and stop. Used under the world lock only.
/// </summary>
internal sealed class PodController(LabWorld world)
{
    private readonly List<PodRecord> _pods = [];
    private readonly Dictionary<(string Context, string Deployment), string> _templateHashes = [];
    private readonly Dictionary<string, int> _nextIp = new(StringComparer.Ordinal);

    /// <summary>Pods that still exist (not stopped), in creation order.</summary>
    public IEnumerable<PodRecord> Live => _pods.Where(p => p.Phase != PodPhase.Stopped);

    /// <summary>Pods in the sidecars' routing set (a stopped pod stays there until its removal propagates).</summary>
    public IEnumerable<PodRecord> Routable => _pods.Where(p => p.InRoutingSet);

    public IEnumerable<PodRecord> LiveIn(ContextState context) => Live.Where(p => p.Context == context);

    public IEnumerable<PodRecord> Of(ContextState context, string deployment) =>
        LiveIn(context).Where(p => p.Deployment == deployment);

    /// <summary>Pods that exist before the Lab starts: ready and in the routing set, no events.</summary>
    public void CreateInitial(ContextState context, LabDeploymentSpec deployment, DateTimeOffset now)
    {
        for (var i = 0; i < deployment.Replicas; i++)
        {
            var pod = NewPod(context, deployment, now);
            pod.Phase = PodPhase.Ready;
            pod.ReadyAt = now;
            pod.InRoutingSet = true;
        }
    }

    /// <summary>Reconciles the live pods of a deployment to <paramref name="replicas"/>.</summary>
    public void Scale(ContextState context, LabDeploymentSpec deployment, int replicas, DateTimeOffset now)
    {
        var current = Of(context, deployment.Name).Where(p => p.Phase is PodPhase.Starting or PodPhase.Ready).ToList();
        for (var i = current.Count; i < replicas; i++)
        {
            var pod = NewPod(context, deployment, now);
            world.Scheduler.Schedule(now + world.Topology.Timing.PodStartDelay, t => BecomeReady(pod, t));
        }

        // Like a ReplicaSet: not-ready pods go first, then the newest.
        var doomed = current.OrderBy(p => p.Phase == PodPhase.Ready ? 1 : 0).ThenByDescending(p => p.CreatedAt)
            .ThenByDescending(p => p.Name, StringComparer.Ordinal).Take(Math.Max(0, current.Count - replicas));
        foreach (var pod in doomed)
        {
            Terminate(pod, now);
        }
    }

    /// <summary>The pod-template-hash of a deployment's (only) ReplicaSet.</summary>
    public string TemplateHash(ContextState context, string deployment)
    {
        var key = (context.Name, deployment);
        if (!_templateHashes.TryGetValue(key, out var hash))
        {
            hash = PodNames.Suffix(world.Random, 10);
            _templateHashes[key] = hash;
        }

        return hash;
    }

    private PodRecord NewPod(ContextState context, LabDeploymentSpec deployment, DateTimeOffset now)
    {
        var hash = TemplateHash(context, deployment.Name);

        var n = _nextIp.GetValueOrDefault(context.Name);
        _nextIp[context.Name] = n + 1;
        var ip = $"10.{context.Index}.{n / 250}.{(n % 250) + 2}";
        var pod = new PodRecord(context, deployment, $"{deployment.Name}-{hash}-{PodNames.Suffix(world.Random, 5)}", ip,
            PodNames.Uid(world.Random), now) { ResourceVersion = context.Store.NextResourceVersion() };
        _pods.Add(pod);
        world.Telemetry.Register(pod);
        return pod;
    }

    private void BecomeReady(PodRecord pod, DateTimeOffset at)
    {
        if (pod.Phase != PodPhase.Starting || world.Control.IsNeverReady(pod.Context.Name, pod.Deployment))
        {
            return;
        }

        pod.Phase = PodPhase.Ready;
        pod.ReadyAt = at;
        pod.ResourceVersion = pod.Context.Store.NextResourceVersion();
        world.Record(at, LabEventKinds.PodReady, pod.Context, pod.PodObject(world.Namespace), null);
        world.DeploymentChanged(pod.Context, pod.Deployment, at);
        world.Scheduler.Schedule(at + world.Topology.Timing.EndpointPropagationDelay, t => EnterRoutingSet(pod, t));
    }

    private void EnterRoutingSet(PodRecord pod, DateTimeOffset at)
    {
        if (pod.Phase != PodPhase.Ready || pod.InRoutingSet)
        {
            return;
        }

        pod.InRoutingSet = true;
        world.Record(at, LabEventKinds.EndpointAdded, pod.Context, pod.EndpointObject(world.Namespace), $"ip={pod.Ip}");
        world.RoutingChanged(pod.App);
    }

    // A terminating pod leaves EDS after EndpointRemovalDelay (docs/lab.md, Fidelity), not at once.
    private void Terminate(PodRecord pod, DateTimeOffset now)
    {
        var wasInSet = pod.InRoutingSet;
        pod.Phase = PodPhase.Terminating;
        pod.TerminatingAt = now;
        pod.ResourceVersion = pod.Context.Store.NextResourceVersion();
        world.DeploymentChanged(pod.Context, pod.Deployment, now);
        if (wasInSet)
        {
            world.Scheduler.Schedule(now + world.Topology.Timing.EndpointRemovalDelay, t => LeaveRoutingSet(pod, t));
        }

        world.Scheduler.Schedule(now + world.Topology.Timing.PodStopDelay, t => Stop(pod, t));
    }

    private void LeaveRoutingSet(PodRecord pod, DateTimeOffset at)
    {
        if (!pod.InRoutingSet)
        {
            return;
        }

        pod.InRoutingSet = false;
        pod.Health.Ejected = false;
        world.Record(at, LabEventKinds.EndpointRemoved, pod.Context, pod.EndpointObject(world.Namespace), $"ip={pod.Ip}");
        world.RoutingChanged(pod.App);
        if (pod.Phase == PodPhase.Stopped)
        {
            _pods.Remove(pod);
        }
    }

    private void Stop(PodRecord pod, DateTimeOffset at)
    {
        pod.Phase = PodPhase.Stopped;
        world.Record(at, LabEventKinds.PodStopped, pod.Context, pod.PodObject(world.Namespace), null);
        world.RoutingChanged(pod.App);
        if (!pod.InRoutingSet)
        {
            _pods.Remove(pod);
        }
    }
}
