using System.Globalization;
using System.Text;

namespace DrillBot.Bench.RecoveryAccuracy;

/// <summary>The markdown tables of the docs section: per method, the bars, per run.</summary>
internal static class SummaryTables
{
    public static string Methods(IReadOnlyList<MethodSummary> methods)
    {
        var b = new StringBuilder();
        b.AppendLine("| method | resolution (median spacing of observations) | samples per run | median abs error | worst abs error | median signed error | CPU per run | CPU per sample | peak RSS |");
        b.AppendLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var m in methods)
        {
            var perSample = m.ObserveCpuMsPerSample is { } o ? I($"{m.CpuMsPerSample:0.00} ms (observing only: {o:0.00} ms)") : I($"{m.CpuMsPerSample:0.00} ms");
            var worst = Ms(m.WorstAbsMs) + (m.Missing > 0 ? I($" — **no recovery found in {m.Missing} of {m.Runs} runs**") : "");
            b.AppendLine(I($"| {RecoveryAccuracy.Methods.Title(m.Method)} | {m.PeriodMs:0.#} ms | {m.SamplesPerRun:0} | {Ms(m.MedianAbsMs)} | {worst} | {Signed(m.MedianSignedMs)} | {m.CpuSecondsPerRun:0.00} s | {perSample} | {m.PeakRssMb:0} MB |"));
        }

        return b.ToString().TrimEnd();
    }

    public static string Bars(MethodSummary drillBot, MethodSummary blackbox, MethodSummary loop, double intervalMs)
    {
        var b = new StringBuilder();
        b.AppendLine("| bar | target | measured | met? |");
        b.AppendLine("|---|---|---|---|");
        var accurate = drillBot.Missing == 0 && drillBot.MedianAbsMs <= intervalMs;
        b.AppendLine(I($"| DrillBot median abs error | ≤ one probe interval ({intervalMs:0} ms) | {Ms(drillBot.MedianAbsMs)}{MissingNote(drillBot)} | {YesNo(accurate)} |"));
        double? ratio = drillBot.MedianAbsMs is > 0 && blackbox.MedianAbsMs is { } bb ? bb / drillBot.MedianAbsMs.Value : null;
        var smaller = drillBot.Missing == 0 && ratio >= 5;
        b.AppendLine(I($"| DrillBot vs blackbox_exporter at 1 s scrape | ≥ 5× smaller median abs error | {(ratio is { } r ? I($"{r:0.0}× ({Ms(blackbox.MedianAbsMs)} vs {Ms(drillBot.MedianAbsMs)})") : "n/a")} | {YesNo(smaller)} |"));
        var cheaper = drillBot.CpuMsPerSample < loop.CpuMsPerSample;
        var observing = drillBot.ObserveCpuMsPerSample is { } o ? I($"; DrillBot observing only: {o:0.00} ms") : "";
        b.AppendLine(I($"| DrillBot CPU per sample vs the curl loop | less (whole `drillbot run` process) | {drillBot.CpuMsPerSample:0.00} ms vs {loop.CpuMsPerSample:0.00} ms (curl loop / DrillBot = {loop.CpuMsPerSample / drillBot.CpuMsPerSample:0.0}×{observing}) | {YesNo(cheaper)} |"));
        if (intervalMs <= 10)
        {
            // issue 19: a 10 ms probe must time a sub-second failover to within 5 ms, better than both other ways
            var precise = drillBot.Missing == 0 && drillBot.MedianAbsMs <= 5;
            b.AppendLine(I($"| DrillBot median abs error at a {intervalMs:0} ms probe | ≤ 5 ms | {Ms(drillBot.MedianAbsMs)}{MissingNote(drillBot)} | {YesNo(precise)} |"));
            var best = drillBot.Missing == 0 && drillBot.MedianAbsMs < loop.MedianAbsMs && drillBot.MedianAbsMs < blackbox.MedianAbsMs;
            b.AppendLine(I($"| DrillBot vs the curl loop and blackbox_exporter | smaller median abs error than both | {Ms(drillBot.MedianAbsMs)} vs {Ms(loop.MedianAbsMs)} (curl loop) and {Ms(blackbox.MedianAbsMs)} (blackbox) | {YesNo(best)} |"));
            b.AppendLine(I($"| DrillBot send-time jitter p99 (send − slot) per run | stated | {(drillBot.JitterP99Ms is { } j ? I($"median of the runs {drillBot.JitterP99MedianMs:0.00} ms, worst run {j:0.00} ms") : "n/a (no samples file)")} | — |"));
        }
        return b.ToString().TrimEnd();
    }

    public static string Runs(IReadOnlyList<RunResult> runs)
    {
        var b = new StringBuilder();
        b.AppendLine("| run | steady-state offset | verdict | true recovery (s after the Lab applied the scale) | DrillBot t0 lag | DrillBot error | blackbox error | curl-loop error | DrillBot late samples | load avg (1 min) |");
        b.AppendLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var r in runs)
        {
            var truth = r.TrueRecoverySeconds is { } t ? I($"{t:0.000}") + (r.TruthCheck == "ok" ? "" : $" ({r.TruthCheck})") : r.TruthCheck;
            b.AppendLine(I($"| {r.Run} | +{r.PhaseOffsetMs} ms | {r.Verdict} | {truth} | {(r.FaultAt - r.LabFaultAt).TotalMilliseconds:0.0} ms | {Signed(r.Of(RecoveryAccuracy.Methods.DrillBot).ErrorMs)} | {Signed(r.Of(RecoveryAccuracy.Methods.Blackbox).ErrorMs)} | {Signed(r.Of(RecoveryAccuracy.Methods.Loop).ErrorMs)} | {r.LateSamples} | {r.Load1:0.00} |"));
        }

        return b.ToString().TrimEnd();
    }

    private static string MissingNote(MethodSummary m) => m.Missing > 0 ? I($" (no recovery in {m.Missing} of {m.Runs} runs)") : "";

    private static string YesNo(bool met) => met ? "**yes**" : "**NO**";

    private static string Ms(double? ms) => ms is { } v ? I($"{v:0.0} ms") : "none";

    private static string Signed(double? ms) => ms is { } v ? I($"{v:+0.0;-0.0;0.0} ms") : "none";

    private static string I(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
