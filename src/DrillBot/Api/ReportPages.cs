using System.Net;
using DrillBot.Drills.Running;
using DrillBot.Runs;
using DrillBot.Store.Runs;

namespace DrillBot.Api;

/// <summary>Small self-contained pages for runs without a report yet (running, interrupted) and unknown runs.</summary>
internal static class ReportPages
{
    private const string Style = "body{font-family:system-ui,sans-serif;margin:3rem auto;max-width:40rem;color:#1d3557}h1{font-size:1.4rem}p{line-height:1.5}";

    public static string Message(string title, string text) =>
        $"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{E(title)} · DrillBot</title><style>{Style}</style></head><body><h1>{E(title)}</h1><p>{E(text)}</p></body></html>\n";

    /// <summary>A running run refreshes itself every 5 s until its report exists.</summary>
    public static string Pending(RunSummary run, ActiveRun? local)
    {
        var status = run.Status.WireName();
        var phase = local is null ? string.Empty : $", phase {local.Run.Phase.WireName()}";
        var refresh = run.Status == RunStatus.Running ? "<meta http-equiv=\"refresh\" content=\"5\">" : string.Empty;
        return $"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">{refresh}<title>{E(run.Drill)} {E(status)} · DrillBot</title><style>{Style}</style></head><body>"
            + $"<h1>{E(run.Drill)}: {E(status)}{E(phase)}</h1><p>run {E(run.RunId)} · started {run.StartedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC by {E(run.Trigger.Kind.WireName())} {E(run.Trigger.By)} on {E(run.OwnerInstance)}.</p>"
            + "<p>The report appears here when the run has finished.</p></body></html>\n";
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
