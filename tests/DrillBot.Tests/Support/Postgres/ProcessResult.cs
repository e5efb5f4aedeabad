namespace DrillBot.Tests.Support.Postgres;

/// <summary>How a command ended and everything it printed (stdout and stderr interleaved).</summary>
internal sealed record ProcessResult(int ExitCode, string Output);
