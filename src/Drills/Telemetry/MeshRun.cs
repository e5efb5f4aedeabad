using DrillBot.Drills.Analysis;
using DrillBot.Drills.Definitions;
using DrillBot.Drills.Running;

namespace DrillBot.Drills.Telemetry;

/// <summary>
/// The mesh's side of one run (docs/drills-yaml.md#mesh-and-budget): the budget gate in preflight, the budget watch while
/// things are changed, and at the end the mesh's view of the probe's windows, the users' errors and the budget spent.
/// Exists when drills.yaml has <c>telemetry:</c>; without a Prometheus URL it only reports why nothing was measured.
/// </summary>
internal sealed class MeshRun : IDisposable
{
    private readonly RunSetup _setup;
    private readonly TelemetryDefinition _telemetry;
    private readonly HttpClient? _http;
    private readonly MeshQueries? _queries;
    private double? _allowed;

    private MeshRun(RunSetup setup, TelemetryDefinition telemetry)
    {
        _setup = setup;
        _telemetry = telemetry;
        if (telemetry.Prometheus is { } url)
        {
            var handler = setup.Options.PrometheusHandler;
            _http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
            _http.Timeout = Timeout.InfiniteTimeSpan; // each query has its own deadline (telemetry.timeout)
            _queries = new MeshQueries(new PrometheusClient(_http, url, telemetry.Timeout), telemetry);
        }
    }

    /// <summary>Null when drills.yaml has no <c>telemetry:</c> (the run is the probe's alone, and says nothing about the mesh).</summary>
    public static MeshRun? For(RunSetup setup) => setup.Config.Telemetry is { } telemetry ? new MeshRun(setup, telemetry) : null;

    private DrillDefinition Drill => _setup.Drill;

    private MeshDefinition Settings => Drill.Mesh ?? MeshDefinition.Default;

    /// <summary>The budget as the run started (preflight), with what it spent once evaluated.</summary>
    public BudgetReport? Budget { get; private set; }

    /// <summary>When the first step started: user errors are counted from here.</summary>
    public DateTimeOffset? Since { get; private set; }

    /// <summary>Preflight: a drill with <c>budget:</c> or <c>mesh.required</c> needs Prometheus; the budget must allow the run. False = refused (recorded).</summary>
    public async Task<bool> PreflightAsync(RunContext ctx, CancellationToken cancellationToken)
    {
        var what = Drill.Budget is not null ? "budget" : "mesh.required";
        if (Drill.Budget is null && !Settings.Required)
        {
            return true;
        }

        if (_queries is null)
        {
            ctx.Recording.Stop(Verdict.Errored, $"{what}: telemetry.prometheus is empty, so real users' errors cannot be read; refused (nothing changed)");
            return false;
        }

        var now = ctx.Setup.Time.GetUtcNow();
        if (Drill.Budget is { } budget)
        {
            var (report, refusal, errored) = await BudgetGate.CheckAsync(_queries, budget, _telemetry, now, cancellationToken).ConfigureAwait(false);
            Budget = report;
            _allowed = report.Allowed;
            if (refusal is not null)
            {
                ctx.Recording.Stop(errored ? Verdict.Errored : Verdict.Aborted, refusal);
                return false;
            }

            if (budget.MaxUserErrors is not null)
            {
                return true; // the gate read Prometheus: it answers
            }
        }

        try
        {
            await _queries.UserErrorsAsync(now, now, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (PrometheusException e)
        {
            ctx.Recording.Stop(Verdict.Errored, $"{what}: {e.Message}; refused (nothing changed)");
            return false;
        }
    }

    /// <summary>The steps begin: user errors count from now; with a cap, a watch aborts the run through <paramref name="abort"/> when it is exceeded.</summary>
    public BudgetWatch? Begin(RunContext ctx, Action<string> abort)
    {
        Since = ctx.Setup.Time.GetUtcNow();
        if (_queries is null || _allowed is not { } allowed)
        {
            return null;
        }

        var every = _telemetry.ScrapeInterval < TimeSpan.FromMilliseconds(200) ? TimeSpan.FromMilliseconds(200) : _telemetry.ScrapeInterval;
        var watch = new BudgetWatch(_queries, allowed, every, ctx.Setup.Time, abort);
        watch.Start(Since.Value);
        return watch;
    }

    /// <summary>
    /// After the run: waits one scrape interval for the last scrape, then reads the windows, the users' errors and the budget
    /// spent, all within one scrape interval and two query timeouts (what does not answer by then is skipped, saying so).
    /// <paramref name="hurry"/> (the run was aborted on request, e.g. a shutdown with its grace period running): no wait
    /// for the last scrape, one query timeout in all. With <c>probes:</c> the mesh, which counts every entry point's
    /// requests together, is compared with every probe's samples together, in the windows every probe is in
    /// (<see cref="MeshWindow.Of"/>).
    /// </summary>
    public async Task<MeshOutcome> EvaluateAsync(RunContext ctx, RunAnalysis analysis, bool hurry = false)
    {
        if (Since is not { } since)
        {
            return new MeshOutcome([], [], null, Budget);
        }

        var service = Settings.ServiceFor(Drill);
        if (_queries is null)
        {
            var empty = new MeshReport { Status = MeshReport.Skipped, Reason = "telemetry.prometheus is empty (not configured)", Service = service, AgreeWithin = Settings.AgreeWithin };
            return new MeshOutcome([], [], empty, Budget);
        }

        var time = ctx.Setup.Time;
        var runEnd = time.GetUtcNow();
        var budget = hurry ? _telemetry.Timeout : _telemetry.ScrapeInterval + (_telemetry.Timeout * 2);
        using var deadline = new CancellationTokenSource(budget, time);
        if (!hurry)
        {
            await Task.Delay(_telemetry.ScrapeInterval + TimeSpan.FromMilliseconds(100), time).ConfigureAwait(false);
        }

        var report = new MeshReport { Status = MeshReport.Evaluated, Prometheus = _queries.Prometheus.ToString(), Service = service, AgreeWithin = Settings.AgreeWithin };
        var sorted = SampleWindows.Sorted(analysis.Probes.SelectMany(p => p.Log.Samples.All()));
        var windows = MeshWindow.Of([.. analysis.Probes.Select(p => (p.Log.View.Drill, p.Analysis))], ctx.Recording.Moments, sorted);
        var checks = new List<CheckResult>();
        try
        {
            var reports = new List<MeshWindowReport>();
            foreach (var window in windows)
            {
                var comparison = await CompareAsync(window, service, sorted, checks, deadline.Token).ConfigureAwait(false);
                if (comparison is not null)
                {
                    reports.Add(comparison.Report());
                }
            }

            var countedTo = time.GetUtcNow(); // the first scrape after the run's end is in
            var (errors, requests) = await _queries.UserErrorsAsync(since, countedTo, deadline.Token).ConfigureAwait(false);
            var peak = await _queries.PeakErrorRatioAsync(since, runEnd, deadline.Token).ConfigureAwait(false);
            var users = new UserErrorsReport(since, countedTo, errors, requests, peak is { } p ? Math.Round(p.Ratio, 6) : null, peak?.At);
            checks.Add(MeshChecks.UserErrors(users, _telemetry, _allowed));
            Budget = Budget is null ? null : Budget with { Spent = errors };
            report = report with { Windows = reports, UserErrors = users };
        }
        catch (PrometheusException e)
        {
            return Unreachable(e.Message, windows, service);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            return Unreachable($"Prometheus {_queries.Prometheus} did not answer every query within {Format.Seconds(budget)}", windows, service);
        }

        var reasons = checks.Where(c => c.Failed).Select(c => $"{c.Name}: expected {c.Expected}, got {c.Actual}").ToList();
        return new MeshOutcome(checks, reasons, report, Budget);
    }

    private async Task<WindowComparison?> CompareAsync(MeshWindow window, string? service, IReadOnlyList<Probing.ProbeSample> sorted, List<CheckResult> checks, CancellationToken cancellationToken)
    {
        var required = Settings.Required;
        var shareName = $"mesh.share.{window.Name}";
        var agreeName = $"mesh.agreement.{window.Name}";
        if (service is null)
        {
            checks.Add(MeshChecks.Skipped(shareName, "the service's responses by destination_cluster", "no service to count: set mesh.service", required));
            checks.Add(MeshChecks.Skipped(agreeName, Agreement, "no service to count: set mesh.service", required));
            return null;
        }

        // Counts inside the window only: from the first scrape after it starts to the last scrape before it ends, so the
        // window must hold at least one whole scrape interval after its first scrape.
        if (window.Length < _telemetry.ScrapeInterval * 2)
        {
            var why = $"the window ({Format.Seconds(window.Length)}) is shorter than two scrape intervals ({Format.Seconds(_telemetry.ScrapeInterval)} each): the mesh cannot see inside it";
            checks.Add(MeshChecks.Skipped(shareName, $"{service} responses by destination_cluster", why, required));
            checks.Add(MeshChecks.Skipped(agreeName, Agreement, why, required));
            return null;
        }

        var responses = await _queries!.ResponsesAsync(service, Drill.Namespace, window.From + _telemetry.ScrapeInterval, window.To, cancellationToken).ConfigureAwait(false);
        var comparison = new WindowComparison(window, _telemetry, sorted, responses, Drill.Expect.Confidence);
        checks.Add(MeshChecks.Share(comparison, service));
        checks.Add(MeshChecks.Agreement(comparison, Settings.AgreeWithin));
        if (required)
        {
            checks[^1] = Require(checks[^1]);
            checks[^2] = Require(checks[^2]);
        }

        return comparison;
    }

    /// <summary>Prometheus did not answer at the end: every mesh check is skipped (failed when required), and the report says why.</summary>
    private MeshOutcome Unreachable(string why, IReadOnlyList<MeshWindow> windows, string? service)
    {
        var required = Settings.Required;
        var checks = windows.SelectMany(w => new[]
        {
            MeshChecks.Skipped($"mesh.share.{w.Name}", "the service's responses by destination_cluster", why, required),
            MeshChecks.Skipped($"mesh.agreement.{w.Name}", Agreement, why, required),
        }).Append(MeshChecks.Skipped("mesh.userErrors", "5xx answered to users by the ingress gateway", why, required || _allowed is not null)).ToList();
        var report = new MeshReport { Status = MeshReport.Skipped, Reason = why, Prometheus = _queries?.Prometheus.ToString(), Service = service, AgreeWithin = Settings.AgreeWithin };
        var reasons = new List<string> { required ? $"mesh checks not evaluated: {why} (mesh.required)" : $"mesh checks skipped: {why}; the verdict rests on the probe alone" };
        reasons.AddRange(checks.Where(c => c.Failed).Select(c => $"{c.Name}: {c.Actual}"));
        return new MeshOutcome(checks, reasons, report, Budget);
    }

    private string Agreement => $"probe and mesh shares within {Settings.AgreeWithin.ToString(System.Globalization.CultureInfo.InvariantCulture)} of each other for each class";

    private static CheckResult Require(CheckResult check) =>
        check.Skipped ? check with { Skipped = false, Actual = check.Actual.Replace("skipped: ", "not evaluated: ", StringComparison.Ordinal) + " (mesh.required)" } : check;

    public void Dispose() => _http?.Dispose();
}
