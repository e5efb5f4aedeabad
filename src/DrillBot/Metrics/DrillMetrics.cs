using DrillBot.Drills.Restore;
using DrillBot.Drills.Running;
using Prometheus;

namespace DrillBot.Metrics;

/// <summary>
/// The service's Prometheus metrics (names and labels are a Contract, docs/contracts.md#metric-names). Label
/// values come only from configuration (drill and class names) and fixed sets (verdicts, restore
/// statuses, Slack request kinds), so cardinality stays bounded. One instance per registry: the
/// service uses its own registry (with the process metrics), tests use a fresh one each.
/// </summary>
internal sealed class DrillMetrics
{
    /// <summary>Recovery times: sub-second to minutes.</summary>
    internal static readonly double[] RecoveryBuckets =
        [0.1, 0.25, 0.5, 1, 2, 3, 5, 7.5, 10, 15, 20, 30, 45, 60, 90, 120, 180, 300, 600];

    /// <summary>Whole drill durations: tens of seconds to half an hour.</summary>
    internal static readonly double[] DurationBuckets =
        [5, 10, 20, 30, 45, 60, 90, 120, 180, 240, 300, 450, 600, 900, 1200, 1800];

    private readonly Counter runs;
    private readonly Histogram duration;
    private readonly Histogram recovery;
    private readonly Gauge lastRun;
    private readonly Gauge lastSuccess;
    private readonly Gauge lastPassed;
    private readonly Gauge inProgress;
    private readonly Gauge share;
    private readonly Counter probes;
    private readonly Counter restores;
    private readonly Counter slack;
    private readonly Gauge recoveryThreshold;
    private readonly Counter missedFires;
    private readonly Counter blackoutOverrides;
    private readonly Gauge frozen;
    private readonly Counter approvals;

    public DrillMetrics(CollectorRegistry registry)
    {
        var factory = Prometheus.Metrics.WithCustomRegistry(registry);
        runs = factory.CreateCounter("drillbot_drill_runs_total", "Finished drill runs by verdict.",
            new CounterConfiguration { LabelNames = ["drill", "verdict"] });
        duration = factory.CreateHistogram("drillbot_drill_duration_seconds", "Wall time of a drill run, start to report.",
            new HistogramConfiguration { LabelNames = ["drill"], Buckets = DurationBuckets });
        recovery = factory.CreateHistogram("drillbot_drill_recovery_seconds", "Recovery time measured by a drill run (t0 to stable recovery).",
            new HistogramConfiguration { LabelNames = ["drill"], Buckets = RecoveryBuckets });
        lastRun = factory.CreateGauge("drillbot_drill_last_run_timestamp_seconds", "Unix time the last run of the drill finished.",
            new GaugeConfiguration { LabelNames = ["drill"] });
        lastSuccess = factory.CreateGauge("drillbot_drill_last_success_timestamp_seconds", "Unix time the last passed run of the drill finished.",
            new GaugeConfiguration { LabelNames = ["drill"] });
        lastPassed = factory.CreateGauge("drillbot_drill_last_passed", "1 when the last run of the drill passed, else 0.",
            new GaugeConfiguration { LabelNames = ["drill"] });
        inProgress = factory.CreateGauge("drillbot_drill_in_progress", "1 while a run of the drill is in progress.",
            new GaugeConfiguration { LabelNames = ["drill"] });
        share = factory.CreateGauge("drillbot_drill_share_ratio", "Share of ok probe samples per class after recovery, last run.",
            new GaugeConfiguration { LabelNames = ["drill", "class"] });
        probes = factory.CreateCounter("drillbot_probe_requests_total", "Probe samples by class.",
            new CounterConfiguration { LabelNames = ["drill", "class"] });
        restores = factory.CreateCounter("drillbot_restore_total", "Restores by outcome (verified, restored, failed).",
            new CounterConfiguration { LabelNames = ["drill", "status"] });
        slack = factory.CreateCounter("drillbot_slack_requests_total", "Slack requests received, by kind and result.",
            new CounterConfiguration { LabelNames = ["kind", "result"] });
        recoveryThreshold = factory.CreateGauge("drillbot_drill_recovery_threshold_seconds", "The drill's expect.recovery.within (not a Contract metric; for dashboards).",
            new GaugeConfiguration { LabelNames = ["drill"] });
        missedFires = factory.CreateCounter("drillbot_schedule_missed_total", "Scheduled fires that were missed and not run late (not a Contract metric).",
            new CounterConfiguration { LabelNames = ["drill"] });
        blackoutOverrides = factory.CreateCounter("drillbot_blackout_overrides_total", "Manual runs started inside a blackout on a person's override (not a Contract metric).",
            new CounterConfiguration { LabelNames = ["drill"] });
        frozen = factory.CreateGauge("drillbot_frozen", "1 while DrillBot is frozen (no drill starts, running ones are aborted), else 0 (not a Contract metric).");
        approvals = factory.CreateCounter("drillbot_approval_requests_total", "Approval requests by how they ended: approved, rejected, expired (not a Contract metric).",
            new CounterConfiguration { LabelNames = ["drill", "outcome"] });
    }

    /// <summary>Creates the series of every configured drill so dashboards and alerts see zeros, not gaps.</summary>
    public void Declare(string drill, IEnumerable<string> classes, TimeSpan? recoveryWithin)
    {
        foreach (var verdict in WireNames.All<Verdict>())
        {
            runs.WithLabels(drill, verdict).Publish();
        }

        foreach (var status in WireNames.All<RestoreStatus>())
        {
            restores.WithLabels(drill, status).Publish();
        }

        foreach (var cls in classes)
        {
            probes.WithLabels(drill, cls).Publish();
        }

        inProgress.WithLabels(drill).Set(0);
        blackoutOverrides.WithLabels(drill).Publish();
        foreach (var outcome in new[] { "approved", "rejected", "expired" })
        {
            approvals.WithLabels(drill, outcome).Publish();
        }

        duration.WithLabels(drill).Publish();
        recovery.WithLabels(drill).Publish();
        if (recoveryWithin is { } within)
        {
            recoveryThreshold.WithLabels(drill).Set(within.TotalSeconds);
        }
    }

    public void RunStarted(string drill) => inProgress.WithLabels(drill).Set(1);

    public void ProbeSampled(string drill, string cls) => probes.WithLabels(drill, cls).Inc();

    public void SlackRequest(string kind, string result) => slack.WithLabels(kind, result).Inc();

    public void MissedFire(string drill) => missedFires.WithLabels(drill).Inc();

    /// <summary>The freeze as this replica last read it.</summary>
    public void Frozen(bool isFrozen) => frozen.Set(isFrozen ? 1 : 0);

    /// <summary>An approval request ended: <c>approved</c>, <c>rejected</c> or <c>expired</c>.</summary>
    public void ApprovalEnded(string drill, string outcome) => approvals.WithLabels(drill, outcome).Inc();

    /// <summary>A manual run started inside a blackout on an override.</summary>
    public void BlackoutOverridden(string drill) => blackoutOverrides.WithLabels(drill).Inc();

    /// <summary>A restore outside a normal run's end (an interrupted run restored by recovery): counts <c>drillbot_restore_total</c> only.</summary>
    public void Restored(string drill, RestoreStatus status) => restores.WithLabels(drill, status.WireName()).Inc();

    /// <summary>Sets the last-run gauges from the history at start, so alerts on them survive a restart.</summary>
    public void RestoreLast(string drill, DateTimeOffset? lastRunAt, bool? lastRunPassed, DateTimeOffset? lastSuccessAt)
    {
        if (lastRunAt is { } run)
        {
            lastRun.WithLabels(drill).Set(run.ToUnixTimeMilliseconds() / 1000.0);
        }

        if (lastRunPassed is { } passed)
        {
            lastPassed.WithLabels(drill).Set(passed ? 1 : 0);
        }

        if (lastSuccessAt is { } success)
        {
            lastSuccess.WithLabels(drill).Set(success.ToUnixTimeMilliseconds() / 1000.0);
        }
    }

    /// <summary>Records a finished run. <paramref name="restoreStatus"/> is null when nothing needed restoring.</summary>
    public void RunFinished(FinishedRun outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var drill = outcome.Drill;
        inProgress.WithLabels(drill).Set(0);
        runs.WithLabels(drill, outcome.Verdict.WireName()).Inc();
        duration.WithLabels(drill).Observe(outcome.Duration.TotalSeconds);
        var finished = outcome.FinishedAt.ToUnixTimeMilliseconds() / 1000.0;
        lastRun.WithLabels(drill).Set(finished);
        var passed = outcome.Verdict == Verdict.Passed;
        lastPassed.WithLabels(drill).Set(passed ? 1 : 0);
        if (passed)
        {
            lastSuccess.WithLabels(drill).Set(finished);
        }

        if (outcome.Recovery is { } r)
        {
            recovery.WithLabels(drill).Observe(r.TotalSeconds);
        }

        foreach (var (cls, ratio) in outcome.Shares)
        {
            share.WithLabels(drill, cls).Set(ratio);
        }

        if (outcome.RestoreStatus is { } status)
        {
            restores.WithLabels(drill, status.WireName()).Inc();
        }
    }
}
