using System.CommandLine;
using Spectre.Console;

namespace DrillBot.Cli;

/// <summary>
/// <c>drillbot validate [--config F]</c>: prints every problem (file:line:column: message), exit 2 when there is any;
/// warnings (file:line:column: warning: message) are printed too and do not change the exit code.
/// </summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var config = ConfigOption.Create();
        var command = new Command("validate", "Validate the drills file and print every problem.") { config };
        command.SetAction(parse => Run(parse.GetValue(config)!));
        return command;
    }

    public static int Run(string configPath)
    {
        var env = CliEnvironment.Get();
        var config = ConfigOption.Load(env, configPath, printWarnings: true);
        if (config is null)
        {
            return ExitCodes.InvalidInput;
        }

        env.Out.MarkupLine($"[green]{Markup.Escape(configPath)}: valid[/] ({config.Drills.Count} drills, {config.Clusters.Count} clusters, {config.Blackouts.Count} blackouts)");
        return ExitCodes.Passed;
    }
}
