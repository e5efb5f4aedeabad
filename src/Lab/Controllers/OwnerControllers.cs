using System.Text.Json.Nodes;
using DrillBot.Lab.Api;
using DrillBot.Lab.State;

namespace DrillBot.Lab.Controllers;

/// <summary>
/// The controllers that own the drills' objects in a real cluster, as the Lab models them (docs/lab.md, "Owners"): every
/// write to a context's store schedules the owners concerned — an Argo CD Application or Flux Kustomization whose object
/// changed (after <see cref="LabTiming.SelfHealDelay"/>), a KEDA ScaledObject or HPA whose Deployment or self changed (after
/// <see cref="LabTiming.AutoscalerSyncPeriod"/>). Everything runs under the world lock, through the world's scheduler.
/// </summary>
internal sealed class OwnerControllers
{
    private readonly LabWorld _world;
    private readonly HashSet<OwnerRef> _pending = [];
    private readonly GitOpsController _gitOps;
    private readonly AutoscalerController _autoscalers;

    public OwnerControllers(LabWorld world)
    {
        _world = world;
        _gitOps = new GitOpsController(world);
        _autoscalers = new AutoscalerController(world);
        foreach (var context in world.Contexts)
        {
            _gitOps.SnapshotAll(context);
            context.Store.Changed += e => OnChanged(context, e);
        }
    }

    private void OnChanged(ContextState context, StoreEvent e)
    {
        var now = _world.Time.GetUtcNow();
        switch (e.Kind)
        {
            case OwnerKinds.Application or OwnerKinds.Kustomization:
                if (e.Type == StoreEventType.Added)
                {
                    _gitOps.SnapshotAll(context);
                }

                Schedule(new OwnerRef(context.Name, e.Kind, e.Namespace, e.Name), now + _world.Topology.Timing.SelfHealDelay);
                break;
            case OwnerKinds.ScaledObject or OwnerKinds.HorizontalPodAutoscaler:
                Schedule(new OwnerRef(context.Name, e.Kind, e.Namespace, e.Name), now + _world.Topology.Timing.AutoscalerSyncPeriod);
                break;
        }

        if (GitOpsOwnership.OwnableKinds.Contains(e.Kind) && e.Type != StoreEventType.Deleted)
        {
            foreach (var owner in _gitOps.OwnersOf(context, e.Object))
            {
                _gitOps.Snapshot(owner, e.Kind, e.Object, onlyIfNew: true);
                Schedule(owner, now + _world.Topology.Timing.SelfHealDelay);
            }
        }

        if (e.Kind == ResourceCatalog.DeploymentKind)
        {
            foreach (var scaler in _autoscalers.ScalersOf(context, e.Namespace, e.Name))
            {
                Schedule(scaler, now + _world.Topology.Timing.AutoscalerSyncPeriod);
            }
        }
    }

    /// <summary>Runs the owner's reconcile once at <paramref name="due"/> (a reconcile already pending covers this change too).</summary>
    private void Schedule(OwnerRef owner, DateTimeOffset due)
    {
        if (!_pending.Add(owner))
        {
            return;
        }

        _world.Scheduler.Schedule(due, at =>
        {
            _pending.Remove(owner);
            var context = _world.FindContext(owner.Context)!;
            if (owner.Kind is OwnerKinds.Application or OwnerKinds.Kustomization)
            {
                _gitOps.Reconcile(context, owner, at);
            }
            else
            {
                _autoscalers.Reconcile(context, owner, at);
            }
        });
    }
}
