using DrillBot.Lab.State;

namespace DrillBot.Lab.Mesh;

/// <summary>An emulated pod. Mutated only under the world lock; the hot path sees immutable snapshots.</summary>
internal sealed class PodRecord(ContextState context, LabDeploymentSpec deployment, string name, string ip, string uid, DateTimeOffset createdAt)
{
    public ContextState Context { get; } = context;

    public string Deployment { get; } = deployment.Name;

    public string App { get; } = deployment.App;

    public string Version { get; } = deployment.Version;

    public string Name { get; } = name;

    public string Ip { get; } = ip;

    public string Uid { get; } = uid;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public DateTimeOffset? ReadyAt { get; set; }

    public DateTimeOffset? TerminatingAt { get; set; }

    public PodPhase Phase { get; set; } = PodPhase.Starting;

    /// <summary>In the sidecars' routing set (EDS) — and in the Endpoints object's ready addresses.</summary>
    public bool InRoutingSet { get; set; }

    /// <summary>Accepts connections (false once stopped).</summary>
    public bool Serving => Phase != PodPhase.Stopped;

    public string ResourceVersion { get; set; } = "1";

    /// <summary>Outlier-detection state of this pod as a reviews host.</summary>
    public HostHealth Health { get; } = new();

    public string EndpointObject(string ns) => $"Endpoint/{ns}/{App}/{Name}";

    public string PodObject(string ns) => $"Pod/{ns}/{Name}";
}
