using System.CommandLine;
using DrillBot.Drills.Definitions;
using Spectre.Console;

namespace DrillBot.Cli;

/// <summary>The shared <c>--config</c> option (default ./drills.yaml) and loading with every problem printed.</summary>
internal static class ConfigOption
{
    public const string DefaultPath = "drills.yaml";

    public static Option<string> Create() => new("--config", "-c")
    {
        Description = "drills file (default: ./drills.yaml, else the drills bundled with drillbot)",
        DefaultValueFactory = _ => DefaultPath,
    };

    /// <summary>The config, or null after printing each problem as one line (exit code 2).</summary>
    public static DrillsConfig? Load(CliEnvironment env, string path, bool printWarnings = false)
    {
        var full = env.Path(path);
        DrillsLoadResult result;
        if (File.Exists(full))
        {
            result = DrillsLoader.LoadFile(full, env.Variables);
        }
        else if (path == DefaultPath)
        {
            env.Out.MarkupLine($"[grey]no ./{DefaultPath} here: using the drills bundled with drillbot[/]");
            result = DrillsLoader.Parse(BundledDrills.Read(), BundledDrills.Name, env.Variables);
        }
        else
        {
            env.Fail($"{path}: no such file (give --config F)");
            return null;
        }

        foreach (var problem in result.Problems)
        {
            env.Error.WriteLine(problem.ToString().Replace(full, path, StringComparison.Ordinal));
        }

        foreach (var warning in printWarnings ? result.Warnings : [])
        {
            env.Error.WriteLine($"{warning.Location.ToString().Replace(full, path, StringComparison.Ordinal)}: warning: {warning.Message}");
        }

        return result.Config;
    }
}
