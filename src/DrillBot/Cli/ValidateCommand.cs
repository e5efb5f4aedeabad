using System.CommandLine;
using Spectre.Console;

namespace DrillBot.Cli;

/// <summary>
/// <c>drillbot validate [--config F] [--strict]</c>: prints every problem (file:line:column: message), exit 2 when
/// there is any. Checking a file needs no runtime environment: an undefined <c>${VAR}</c> without a default is a
/// located warning (exit 0 if nothing else is wrong); <c>--strict</c> makes warnings errors.
/// </summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var config = ConfigOption.Create();
        var strict = new Option<bool>("--strict") { Description = "treat every warning (an undefined ${VAR} without a default, a VirtualService abort expected to fail over, ...) as an error" };
        var command = new Command("validate", "Validate the drills file and print every problem.") { config, strict };
        command.SetAction(parse => Run(parse.GetValue(config)!, parse.GetValue(strict)));
        return command;
    }

    public static int Run(string configPath, bool strict = false)
    {
        var env = CliEnvironment.Get();
        var config = ConfigOption.Load(env, configPath, undefinedAsWarning: !strict, warningsAsErrors: strict);
        if (config is null)
        {
            return ExitCodes.InvalidInput;
        }

        env.Out.MarkupLine($"[green]{Markup.Escape(configPath)}: valid[/] ({config.Drills.Count} drills, {config.Clusters.Count} clusters, {config.Blackouts.Count} blackouts)");
        return ExitCodes.Passed;
    }
}
