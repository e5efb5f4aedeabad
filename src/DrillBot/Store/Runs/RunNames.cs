namespace DrillBot.Store.Runs;

/// <summary>The stored (and reported) spelling of the run enums; stable across versions.</summary>
internal static class RunNames
{
    public static string Text(RunTriggerKind kind) => kind switch
    {
        RunTriggerKind.Cli => "cli",
        RunTriggerKind.Schedule => "schedule",
        RunTriggerKind.Slack => "slack",
        RunTriggerKind.Api => "api",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static string Text(RunStatus status) => status switch
    {
        RunStatus.Running => "running",
        RunStatus.Finished => "finished",
        RunStatus.Interrupted => "interrupted",
        RunStatus.RestoredAfterInterruption => "restored-after-interruption",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static string Text(RunVerdict verdict) => verdict switch
    {
        RunVerdict.Passed => "passed",
        RunVerdict.Failed => "failed",
        RunVerdict.Aborted => "aborted",
        RunVerdict.Errored => "errored",
        RunVerdict.Inconclusive => "inconclusive",
        _ => throw new ArgumentOutOfRangeException(nameof(verdict), verdict, null),
    };

    public static string Text(RunRestoreStatus status) => status switch
    {
        RunRestoreStatus.Verified => "verified",
        RunRestoreStatus.Restored => "restored",
        RunRestoreStatus.Failed => "failed",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static RunTriggerKind TriggerKind(string text) => Parse<RunTriggerKind>(text);

    public static RunStatus Status(string text) => Parse<RunStatus>(text);

    public static RunVerdict? Verdict(string? text) => text is null ? null : Parse<RunVerdict>(text);

    public static RunRestoreStatus? RestoreStatus(string? text) => text is null ? null : Parse<RunRestoreStatus>(text);

    private static T Parse<T>(string text)
        where T : struct, Enum =>
        Enum.TryParse<T>(text.Replace("-", string.Empty, StringComparison.Ordinal), ignoreCase: true, out var value) && Enum.IsDefined(value)
            ? value
            : throw new InvalidOperationException($"The store holds an unknown {typeof(T).Name} '{text}'.");
}
