using System.CommandLine;

namespace DrillBot.Cli;

/// <summary>Builds the command tree and runs it. Each command lives in its own file in this folder.</summary>
internal static class CliApp
{
    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("DrillBot: disaster-recovery drills for Kubernetes + Istio.");
        root.Subcommands.Add(LabCommand.Create());
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(ValidateCommand.Create());
        root.Subcommands.Add(ListCommand.Create());
        root.Subcommands.Add(RestoreCommand.Create());
        root.Subcommands.Add(HistoryCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(FreezeCommand.CreateFreeze());
        root.Subcommands.Add(FreezeCommand.CreateUnfreeze());
        root.Subcommands.Add(AuditCommand.Create());
        root.Subcommands.Add(TokenCommand.Create());
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
                await CliEnvironment.Get().Error.WriteLineAsync($"error: {error.Message}").ConfigureAwait(false);
            }

            return ExitCodes.InvalidInput;
        }

        // Ctrl-C/SIGTERM cancel the command's token; a running drill then aborts and restores, which may
        // take longer than System.CommandLine's default 2 s before it ends the process
        var invocation = new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromMinutes(3) };
        return await parse.InvokeAsync(invocation).ConfigureAwait(false);
    }
}
