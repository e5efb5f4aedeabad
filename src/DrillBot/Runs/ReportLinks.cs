namespace DrillBot.Runs;

/// <summary>
/// Builds the link to a run's HTML report, <c>{base}/runs/{id}</c>: the base is
/// <c>DRILLBOT_PUBLIC_URL</c> when set, else the address the triggering request came in on, else the
/// last address a request came in on (scheduled and Socket Mode runs have no request of their own).
/// </summary>
public sealed class ReportLinks(Uri? publicUrl)
{
    private Uri? lastSeen;

    /// <summary>Remembers the base address of an incoming request (scheme and host as the client used them).</summary>
    public void Seen(Uri requestBase) => Volatile.Write(ref lastSeen, requestBase);

    /// <summary>The report link, or null when no base address is known.</summary>
    public Uri? For(string runId, Uri? requestBase = null)
    {
        var root = publicUrl ?? requestBase ?? Volatile.Read(ref lastSeen);
        return root is null ? null : new Uri(root, "runs/" + Uri.EscapeDataString(runId));
    }
}
