namespace DrillBot.Cli;

/// <summary>Process exit codes (Contract, docs/contracts.md#exit-codes).</summary>
internal static class ExitCodes
{
    /// <summary>The drill passed (or the command succeeded).</summary>
    public const int Passed = 0;

    /// <summary>The drill failed or was aborted: the system under test deviated.</summary>
    public const int Failed = 1;

    /// <summary>Invalid input or usage.</summary>
    public const int InvalidInput = 2;

    /// <summary>The tool or its access broke; no verdict.</summary>
    public const int Errored = 3;

    /// <summary>Restore failed: state may still be changed. The loudest outcome.</summary>
    public const int RestoreFailed = 4;

    /// <summary>The drill was inconclusive: no check failed, but too few samples to decide one (its confidence interval straddles the threshold).</summary>
    public const int Inconclusive = 5;
}
