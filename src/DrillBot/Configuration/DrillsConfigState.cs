using DrillBot.Drills.Definitions;

namespace DrillBot.Configuration;

/// <summary>
/// The drills.yaml in force. Starts valid (serve refuses an invalid file); a reload replaces it only
/// with a valid file. <see cref="ReloadProblems"/> lists what is wrong with the file on disk when it
/// could not be loaded (the previous configuration keeps running meanwhile).
/// </summary>
public sealed class DrillsConfigState
{
    private readonly Lock gate = new();
    private Snapshot current;

    /// <param name="path">The file.</param>
    /// <param name="config">The configuration loaded from it.</param>
    /// <param name="loadedAt">When.</param>
    /// <param name="sourceHash">The hash of the text it was loaded from (<see cref="ConfigWatcher.Hash"/>), so the watcher knows what is in force.</param>
    public DrillsConfigState(string path, DrillsConfig config, DateTimeOffset loadedAt, string? sourceHash = null)
    {
        Path = path;
        SourceHash = sourceHash;
        current = new Snapshot(config, loadedAt, [], 1);
    }

    /// <summary>The hash of the text first loaded (null: unknown, the watcher takes the file as it finds it).</summary>
    public string? SourceHash { get; }

    /// <summary>The watched file.</summary>
    public string Path { get; }

    /// <summary>The configuration in force.</summary>
    public DrillsConfig Current => Volatile.Read(ref current).Config;

    /// <summary>When <see cref="Current"/> was loaded.</summary>
    public DateTimeOffset LoadedAt => Volatile.Read(ref current).LoadedAt;

    /// <summary>Problems of the file on disk when the last reload was refused; empty when the file in force is the file on disk.</summary>
    public IReadOnlyList<string> ReloadProblems => Volatile.Read(ref current).Problems;

    /// <summary>Increases with every accepted configuration.</summary>
    public int Generation => Volatile.Read(ref current).Generation;

    internal void Accept(DrillsConfig config, DateTimeOffset at)
    {
        lock (gate)
        {
            current = new Snapshot(config, at, [], current.Generation + 1);
        }
    }

    internal void Refuse(IReadOnlyList<string> problems)
    {
        lock (gate)
        {
            current = current with { Problems = problems };
        }
    }

    internal void ClearProblems()
    {
        lock (gate)
        {
            current = current with { Problems = [] };
        }
    }

    private sealed record Snapshot(DrillsConfig Config, DateTimeOffset LoadedAt, IReadOnlyList<string> Problems, int Generation);
}
