using System.CommandLine;

namespace DrillBot.Cli;

/// <summary>Builds the command tree and runs it. Each command lives in its own file in this folder.</summary>
internal static class CliApp
{
    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("DrillBot: disaster-recovery drills for Kubernetes + Istio.");
        root.Subcommands.Add(LabCommand.Create());
        return root;
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var root = BuildRoot();
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await Console.Error.WriteLineAsync($"error: {error.Message}").ConfigureAwait(false);
            }

            return ExitCodes.InvalidInput;
        }

        return await parse.InvokeAsync().ConfigureAwait(false);
    }
}
