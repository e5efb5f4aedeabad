namespace DrillBot.Drills.Definitions.Parsing;

/// <summary>
/// Warnings for drills that cannot prove the failover they expect. A VirtualService abort (<c>injectHttpFault</c>
/// with <c>abort</c>) is answered by the calling sidecar before an endpoint is picked: no endpoint fails, outlier
/// detection counts nothing, nothing fails over (docs/lab.md, "VirtualService http[].fault acts in the caller's sidecar").
/// </summary>
internal static class FailoverRules
{
    public const string AbortWithFailover = "injectHttpFault aborts in the calling sidecar: no endpoint fails, so nothing fails over; use failWorkload to test failover";

    public static void Warn(YamlContext ctx, DrillDefinition drill)
    {
        var abort = drill.Steps.OfType<InjectHttpFaultStep>().FirstOrDefault(s => s.AbortStatus is not null);
        if (abort is null || !ExpectsFailover(drill))
        {
            return;
        }

        ctx.Warn(abort.Location, $"drill '{drill.Name}': {AbortWithFailover}");
    }

    /// <summary>
    /// Recovery to a class after the fault (with an abort in place only failover could bring it), or, in a drill that
    /// arms failover, a lower bound on some class's share.
    /// </summary>
    private static bool ExpectsFailover(DrillDefinition drill) =>
        drill.Expect.Recovery is not null
        || (drill.Steps.OfType<EnableFailoverStep>().Any() && drill.Expect.Share.Values.Any(s => s.AtLeast is > 0));
}
