using System.CommandLine;
using DrillBot.Drills.Definitions;
using DrillBot.Scheduling;
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

    /// <summary>
    /// The config, or null after printing each problem as one line (exit code 2). With
    /// <paramref name="undefinedAsWarning"/> (validate) an undefined <c>${VAR}</c> is printed as a located warning instead.
    /// </summary>
    /// With <paramref name="warningsAsErrors"/> (validate --strict) every warning is printed as an error and no config is returned.
    public static DrillsConfig? Load(CliEnvironment env, string path, bool undefinedAsWarning = false, bool warningsAsErrors = false)
    {
        var full = env.Path(path);
        DrillsLoadResult result;
        if (File.Exists(full))
        {
            result = DrillsLoader.LoadFile(full, QuartzCronParser.Instance, env.Variables, undefinedAsWarning);
        }
        else if (path == DefaultPath)
        {
            env.Out.MarkupLine($"[grey]no ./{DefaultPath} here: using the drills bundled with drillbot[/]");
            result = DrillsLoader.Parse(BundledDrills.Read(), BundledDrills.Name, QuartzCronParser.Instance, env.Variables, undefinedAsWarning);
        }
        else
        {
            env.Fail($"{path}: no such file (give --config F)");
            return null;
        }

        var kind = warningsAsErrors ? "error (--strict)" : "warning";
        foreach (var warning in result.Warnings)
        {
            env.Error.WriteLine($"{warning.Location}: {kind}: {warning.Message}".Replace(full, path, StringComparison.Ordinal));
        }

        foreach (var problem in result.Problems)
        {
            env.Error.WriteLine(problem.ToString().Replace(full, path, StringComparison.Ordinal));
        }

        return warningsAsErrors && result.Warnings.Count > 0 ? null : result.Config;
    }
}
