using Microsoft.Extensions.Logging;

namespace DrillBot.Lab;

/// <summary>How to start a <see cref="LabHost"/>.</summary>
public sealed record LabHostOptions
{
    /// <summary>Where to write the kubeconfig; null = a fresh temp directory that DisposeAsync deletes.</summary>
    public string? Directory { get; init; }

    /// <summary>The clock of every emulated delay (tests pass a FakeTimeProvider).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Seed of all randomness (pod names, load-balancer and fault draws).</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Logs of the Lab's servers; null = silent.</summary>
    public ILoggerFactory? LoggerFactory { get; init; }
}
