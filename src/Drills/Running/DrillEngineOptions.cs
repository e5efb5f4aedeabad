using DrillBot.Drills.Cluster;
using DrillBot.Drills.Journal;
using DrillBot.Drills.Locking;
using DrillBot.Drills.Probing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DrillBot.Drills.Running;

/// <summary>What the engine is built from. Only <see cref="Clusters"/> and <see cref="Journal"/> are required.</summary>
public sealed record DrillEngineOptions
{
    public required IClusterClientFactory Clusters { get; init; }
    public required IJournal Journal { get; init; }
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
    public ILoggerFactory LoggerFactory { get; init; } = NullLoggerFactory.Instance;

    /// <summary>How probes are sent; null = HTTP (one SocketsHttpHandler per run).</summary>
    public IProbeTransport? ProbeTransport { get; init; }
    public LockOptions Lock { get; init; } = new();

    /// <summary>How the mesh checks reach Prometheus (telemetry.prometheus); null = a plain handler per run. Tests pass a fake.</summary>
    public HttpMessageHandler? PrometheusHandler { get; init; }

    /// <summary>Names this process in leases and the journal (host/pid, or the service's instance id).</summary>
    public string Owner { get; init; } = $"{Environment.MachineName}/{Environment.ProcessId}";

    /// <summary>Upper bound for the restore phase, independent of the run's own cancellation.</summary>
    public TimeSpan RestoreTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Test hook, null (inert) in production: awaited at named points so that a test can stop or kill the
    /// process exactly there (docs/reliability.md): <c>step-captured:N</c> (step N's prior state is journaled,
    /// its change not sent yet), <c>step-annotated:N</c> (scale steps: annotations written, replicas not yet),
    /// <c>step-applied:N</c>, <c>observe</c>, <c>restore-item:N</c> (N objects restored by the run) and
    /// <c>recover-item:N</c> (N objects restored by <see cref="Restore.RestoreService"/>).
    /// </summary>
    public Func<string, ValueTask>? Checkpoint { get; init; }
}
