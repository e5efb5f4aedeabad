namespace DrillBot.Drills.Locking;

/// <summary>
/// The holder identity written into a drill lease: <c>"{owner} run {runId}"</c> while a run holds it,
/// <c>"{owner} restore {runId}"</c> while a restore of that (dead) run holds it. The owner is
/// <c>host/pid</c> for the CLI, or the service's instance id.
/// </summary>
internal sealed record LeaseHolder(string Owner, string Verb, string RunId)
{
    public const string RunVerb = "run";
    public const string RestoreVerb = "restore";

    public static LeaseHolder ForRun(string owner, string runId) => new(owner, RunVerb, runId);

    public static LeaseHolder ForRestore(string owner, string runId) => new(owner, RestoreVerb, runId);

    /// <summary>The holder, or null when the text is not in this shape (e.g. a lease written by another tool).</summary>
    public static LeaseHolder? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var runAt = text.LastIndexOf(' ');
        var verbAt = runAt > 0 ? text.LastIndexOf(' ', runAt - 1) : -1;
        if (verbAt <= 0)
        {
            return null;
        }

        var verb = text[(verbAt + 1)..runAt];
        return verb is RunVerb or RestoreVerb && runAt < text.Length - 1
            ? new LeaseHolder(text[..verbAt], verb, text[(runAt + 1)..])
            : null;
    }

    public override string ToString() => $"{Owner} {Verb} {RunId}";
}
