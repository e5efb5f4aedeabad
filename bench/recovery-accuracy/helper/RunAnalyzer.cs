using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DrillBot.Drills.Analysis;
using DrillBot.Drills.Probing;

namespace DrillBot.Bench.RecoveryAccuracy;

/// <summary>
/// Turns one run's files into <c>result.json</c>: the ground truth from /lab/events, DrillBot's answer from its
/// report (faultAt + recovery.seconds), and the drill's own window rule applied to the blackbox and curl-loop
/// observations (from the Lab's fault instant to DrillBot's end of observation), with CPU and memory.
/// Exit 0 when the truth and all three recoveries were found, 1 otherwise (result.json is written either way).
/// </summary>
internal static class RunAnalyzer
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static int Run(string directory, string config)
    {
        if (DrillTimings.Load(config, Console.Error) is not { } drill)
        {
            return 2;
        }

        var files = new RunFiles(directory);
        var report = files.Json("report.json");
        var events = files.Json("events.json").AsArray();
        var faultAt = Epoch.ParseIso(report["faultAt"]?.GetValue<string>() ?? throw new InvalidDataException("report.json: no faultAt (the fault step never ran)"));
        var observeEnd = report["markers"]!.AsArray().Where(m => m!["kind"]!.GetValue<string>() == "observe-end")
            .Select(m => Epoch.ParseIso(m!["at"]!.GetValue<string>())).DefaultIfEmpty(faultAt + drill.ObserveFor).First();
        var labFault = events.Select(e => e!)
            .Where(e => e["kind"]!.GetValue<string>() == "scale-applied" && e["object"]!.GetValue<string>() == "Deployment/default/reviews-v1"
                && e["detail"]?.GetValue<string>() == "replicas=0")
            .Select(LabGroundTruth.Time).Where(t => t <= faultAt).DefaultIfEmpty(faultAt).Max();
        var truth = LabGroundTruth.LastEndpointLeft(events, "cn-hangzhou", labFault, observeEnd);
        var stableFor = drill.Expect.Recovery!.StableFor;

        var start = Epoch.Parse(files.Meta("start"));
        var end = Epoch.Parse(files.Meta("end"));
        var methods = new List<MethodResult>
        {
            DrillBotResult(files, report, faultAt, observeEnd, truth),
            Measured(Methods.Blackbox, Observations.Blackbox(files.Json("blackbox.json")).Where(s => s.SentAt >= start && s.SentAt <= end).ToList(),
                truth, stableFor, labFault, observeEnd,
                (files.MetaNumber("prom_cpu1") + files.MetaNumber("bb_cpu1") - files.MetaNumber("prom_cpu0") - files.MetaNumber("bb_cpu0")) / files.MetaNumber("clk_tck"),
                (long)(files.MetaNumber("prom_hwm_kb") + files.MetaNumber("bb_hwm_kb"))),
            LoopResult(files, truth, stableFor, labFault, observeEnd),
        };
        var result = new RunResult(
            int.Parse(files.Meta("run"), CultureInfo.InvariantCulture),
            report["verdict"]!.GetValue<string>(),
            int.Parse(files.Meta("drillbot_rc"), CultureInfo.InvariantCulture),
            report["probes"]!["late"]!.GetValue<int>(),
            int.Parse(files.Meta("phase_offset_ms"), CultureInfo.InvariantCulture),
            labFault, faultAt, truth, truth is null ? null : (truth.Value - labFault).TotalSeconds,
            TruthCheck(events, truth, observeEnd), files.MetaNumber("load_start"), methods);
        File.WriteAllText(Path.Combine(directory, "result.json"), JsonSerializer.Serialize(result, Json));
        var errors = string.Join(", ", methods.Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Method} {(m.ErrorMs is { } e ? e.ToString("+0.0;-0.0", CultureInfo.InvariantCulture) : "none")}")));
        var cpus = string.Join(", ", methods.Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Method} {m.CpuMsPerSample:0.00}")));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"run {result.Run}: {result.Verdict}, true recovery {result.TrueRecoverySeconds:0.000} s (truth {result.TruthCheck}); error ms: {errors}; CPU ms/sample: {cpus}"));
        return truth is not null && result.TruthCheck == "ok" && methods.All(m => m.ErrorMs is not null) ? 0 : 1;
    }

    private static MethodResult DrillBotResult(RunFiles files, JsonNode report, DateTimeOffset faultAt, DateTimeOffset observeEnd, DateTimeOffset? truth)
    {
        var seconds = report["recovery"]?["seconds"]?.GetValue<double>();
        DateTimeOffset? measured = seconds is { } s ? faultAt + TimeSpan.FromSeconds(s) : null;
        var raw = SamplesFile.Read(Path.Combine(files.Directory, "samples.csv.gz"));
        List<DateTimeOffset> sent;
        double? jitterP99 = null;
        if (raw is not null)
        {
            sent = raw.Samples.Select(x => x.Sent).Order().ToList();
            var jitter = raw.JitterMs();
            jitterP99 = jitter.Count == 0 ? null : jitter[Math.Clamp((int)Math.Ceiling(0.99 * jitter.Count) - 1, 0, jitter.Count - 1)];
            // the report gives faultAt and recovery.seconds to the millisecond; DrillBot's answer is the send time of the
            // window's first sample, which the samples file has to 100 ns: the sample within a rounding of the report's instant
            if (measured is { } m && sent.Where(t => Math.Abs((t - m).TotalMilliseconds) <= 1.5).OrderBy(t => Math.Abs((t - m).Ticks)).FirstOrDefault() is { } exact && exact != default)
            {
                measured = exact;
            }
        }
        else
        {
            var timelineStart = Epoch.ParseIso(report["timeline"]!["start"]!.GetValue<string>());
            sent = report["timeline"]!["samples"]!.AsArray().Select(x => timelineStart + TimeSpan.FromSeconds(x!["t"]!.GetValue<double>())).Order().ToList();
        }

        var (cpu, rss) = files.Time("drillbot.time");
        var observing = sent.Count(t => t >= faultAt && t <= observeEnd);
        var observeCpu = files.CpuAt("drillbot.cpu", observeEnd) - files.CpuAt("drillbot.cpu", faultAt);
        var period = Stats.Median(sent.Zip(sent.Skip(1), (a, b) => (b - a).TotalMilliseconds).ToList()) ?? double.NaN;
        return new MethodResult(Methods.DrillBot, sent.Count, period, measured, Error(measured, truth), cpu,
            cpu * 1000 / Math.Max(1, sent.Count), observeCpu * 1000 / Math.Max(1, observing), rss) { JitterP99Ms = jitterP99 };
    }

    private static MethodResult LoopResult(RunFiles files, DateTimeOffset? truth, TimeSpan stableFor, DateTimeOffset from, DateTimeOffset deadline)
    {
        var (cpu, maxRss) = files.Time("loop.time");
        // GNU time's %M is the largest single process (bash, a curl or a grep); bash and one curl and one grep run at once.
        var bash = (long)files.MetaNumber("loop_bash_hwm_kb");
        var rss = maxRss > bash ? bash + maxRss : maxRss;
        return Measured(Methods.Loop, Observations.Loop(files.Lines("loop.log")), truth, stableFor, from, deadline, cpu, rss);
    }

    private static MethodResult Measured(string method, IReadOnlyList<ProbeSample> samples, DateTimeOffset? truth, TimeSpan stableFor,
        DateTimeOffset from, DateTimeOffset deadline, double cpu, long rss)
    {
        var window = SampleWindows.EarliestAllGoodWindow(samples, s => s.Ok, stableFor, from, deadline);
        return new MethodResult(method, samples.Count, Observations.MedianPeriodMs(samples), window?.SentAt, Error(window?.SentAt, truth),
            cpu, cpu * 1000 / Math.Max(1, samples.Count), null, rss);
    }

    private static double? Error(DateTimeOffset? measured, DateTimeOffset? truth) =>
        measured is { } m && truth is { } t ? (m - t).TotalMilliseconds : null;

    private static string TruthCheck(JsonArray events, DateTimeOffset? truth, DateTimeOffset observeEnd)
    {
        if (truth is null)
        {
            return "no endpoint-removed/ejected event for cn-hangzhou reviews";
        }

        var after = events.Select(e => e!).Where(e => e["kind"]!.GetValue<string>() == "first-response")
            .Where(e => LabGroundTruth.Time(e) > truth && LabGroundTruth.Time(e) <= observeEnd).ToList();
        // Each first-response names the epoch's first answer of a region among requests routed after a routing change
        // (docs/lab.md, Ground truth): after the last cn-hangzhou endpoint left, only cn-shanghai can answer first.
        var other = after.FirstOrDefault(e => e["region"]?.GetValue<string>() != Observations.Shanghai);
        return other is not null
            ? string.Create(CultureInfo.InvariantCulture,
                $"a {other["region"]} response after the truth: first-response {(LabGroundTruth.Time(other) - truth.Value).TotalMilliseconds:0.0} ms later, {other["detail"]}")
            : after.Count == 0 ? "no first-response event after the truth" : "ok";
    }
}
