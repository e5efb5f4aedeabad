using System.CommandLine;
using DrillBot.Drills.Definitions;

namespace DrillBot.Cli;

/// <summary>The shared <c>--config</c> option (default ./drills.yaml) and loading with every problem printed.</summary>
internal static class ConfigOption
{
    public static Option<string> Create() => new("--config", "-c")
    {
        Description = "drills file (default: ./drills.yaml)",
        DefaultValueFactory = _ => "drills.yaml",
    };

    /// <summary>The config, or null after printing each problem as one line (exit code 2).</summary>
    public static DrillsConfig? Load(CliEnvironment env, string path)
    {
        var full = env.Path(path);
        if (!File.Exists(full))
        {
            env.Fail($"{path}: no such file (give --config F)");
            return null;
        }

        var result = DrillsLoader.LoadFile(full, env.Variables);
        foreach (var problem in result.Problems)
        {
            env.Error.WriteLine(problem.ToString().Replace(full, path, StringComparison.Ordinal));
        }

        return result.Config;
    }
}
