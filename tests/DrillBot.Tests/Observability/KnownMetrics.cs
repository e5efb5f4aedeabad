namespace DrillBot.Tests.Observability;

/// <summary>The metric names dashboards and alert rules may use.</summary>
internal static class KnownMetrics
{
    /// <summary>docs/contracts.md#metric-names (Contract).</summary>
    public static readonly IReadOnlyList<string> Contract =
    [
        "drillbot_drill_runs_total",
        "drillbot_drill_duration_seconds",
        "drillbot_drill_recovery_seconds",
        "drillbot_drill_last_run_timestamp_seconds",
        "drillbot_drill_last_success_timestamp_seconds",
        "drillbot_drill_last_passed",
        "drillbot_drill_in_progress",
        "drillbot_drill_share_ratio",
        "drillbot_probe_requests_total",
        "drillbot_restore_total",
        "drillbot_slack_requests_total",
    ];

    /// <summary>Contract histograms: their series are name_bucket, name_sum, name_count.</summary>
    public static readonly IReadOnlyList<string> ContractHistograms =
        ["drillbot_drill_duration_seconds", "drillbot_drill_recovery_seconds"];

    /// <summary>
    /// Not in the Contract, documented and exported by the service's metrics (src/DrillBot/Metrics):
    /// each drill's expect.recovery.within, for the recovery-threshold line; runs started inside a blackout on an override;
    /// the freeze and how approval requests ended.
    /// </summary>
    public static readonly IReadOnlyList<string> Documented = ["drillbot_drill_recovery_threshold_seconds", "drillbot_blackout_overrides_total", "drillbot_frozen", "drillbot_approval_requests_total"];

    /// <summary>prometheus-net 8.2.1's default process and runtime metrics.</summary>
    public static readonly IReadOnlyList<string> PrometheusNetDefaults =
    [
        "process_cpu_seconds_total", "process_num_threads", "process_open_handles", "process_private_memory_bytes",
        "process_start_time_seconds", "process_virtual_memory_bytes", "process_working_set_bytes",
        "dotnet_collection_count_total", "dotnet_total_memory_bytes",
    ];

    public static IReadOnlySet<string> All { get; } = Build();

    private static HashSet<string> Build()
    {
        var all = new HashSet<string>(StringComparer.Ordinal) { "up" };
        all.UnionWith(Contract);
        all.UnionWith(Documented);
        all.UnionWith(PrometheusNetDefaults);
        foreach (var histogram in ContractHistograms)
        {
            all.UnionWith([histogram + "_bucket", histogram + "_sum", histogram + "_count"]);
        }

        return all;
    }
}
