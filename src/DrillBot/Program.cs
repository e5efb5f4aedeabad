using DrillBot.Cli;

return await CliApp.RunAsync(args).ConfigureAwait(false);
