using DrillBot.Drills.Definitions;

namespace DrillBot.Drills.Telemetry;

/// <summary>A drill's <c>mesh:</c>: which service's traffic the mesh checks count, the agreement margin, whether they are required.</summary>
public sealed record MeshDefinition
{
    /// <summary>The default largest difference between a class's probe share and its mesh share in one window.</summary>
    public const double DefaultAgreeWithin = 0.1;

    /// <summary><c>destination_service_name</c> whose responses are counted; null = <see cref="ServiceFor"/> derives it.</summary>
    public string? Service { get; init; }

    /// <summary>|probe share − mesh share| allowed per class and window.</summary>
    public double AgreeWithin { get; init; } = DefaultAgreeWithin;

    /// <summary>Prometheus must answer: refused in preflight when it does not, and a mesh check that cannot be evaluated fails instead of being skipped.</summary>
    public bool Required { get; init; }

    /// <summary>The defaults, for drills without <c>mesh:</c>.</summary>
    public static MeshDefinition Default { get; } = new();

    /// <summary>
    /// The service whose traffic the drill moves: <see cref="Service"/>, else the DestinationRule of the drill's last
    /// enableFailover/distributeTraffic step, else the app of its failWorkload step; null when none says.
    /// </summary>
    public string? ServiceFor(DrillDefinition drill)
    {
        ArgumentNullException.ThrowIfNull(drill);
        return Service
            ?? drill.Steps.Select(s => s switch
            {
                EnableFailoverStep f => f.DestinationRule,
                DistributeTrafficStep d => d.DestinationRule,
                _ => null,
            }).LastOrDefault(n => n is not null)
            ?? drill.Steps.OfType<FailWorkloadStep>().Select(w => w.Workload.GetValueOrDefault("app")).FirstOrDefault(a => a is not null);
    }
}
