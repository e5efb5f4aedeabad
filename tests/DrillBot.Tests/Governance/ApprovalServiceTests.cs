using DrillBot.Configuration;
using DrillBot.Drills.Definitions;
using DrillBot.Drills.Running;
using DrillBot.Governance.Approvals;
using DrillBot.Governance.Audit;
using DrillBot.Metrics;
using DrillBot.Runs;
using DrillBot.Scheduling;
using DrillBot.Store;
using DrillBot.Store.Approvals;
using DrillBot.Tests.Service.Support;
using DrillBot.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace DrillBot.Tests.Governance;

/// <summary>
/// Approvals on the injected clock (FakeTimeProvider) against a real store: the default 15 minutes, distinct approvers,
/// never the requester, one run per approval, and the schedule's pre-approval for scheduled fires.
/// </summary>
public sealed class ApprovalServiceTests
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 4, 3, 0, 0, TimeSpan.Zero);
    private TestDatabase database = null!;
    private IDrillBotStore store = null!;
    private FakeTimeProvider time = null!;
    private RecordingNotifier notifier = null!;

    [SetUp]
    public async Task SetUp()
    {
        database = await TestDatabase.CreateAsync(StoreEngine.Sqlite, "approvals");
        time = new FakeTimeProvider(T0);
        store = await StoreFactory.OpenAsync(database.Location, time, null, CancellationToken.None);
        notifier = new RecordingNotifier();
    }

    [TearDown]
    public async Task TearDown()
    {
        await store.DisposeAsync();
        await database.DisposeAsync();
    }

    [Test]
    public async Task Expiry_DefaultFifteenMinutes_NotBeforeExpiredAtAndClosedForLateClicks()
    {
        var service = Service("{ required: 1, approvers: [U0LEAD] }");
        var request = (await service.RequestAsync("reviews-distribution", "ann", "U0ANN", "slack:U0ANN", autoStart: true, null, CancellationToken.None))!;

        time.Advance(TimeSpan.FromMinutes(15) - TimeSpan.FromSeconds(1));
        var early = await service.ExpireDueAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(1));
        var due = await service.ExpireDueAsync(CancellationToken.None);
        var again = await service.ExpireDueAsync(CancellationToken.None);
        var late = await service.DecideAsync(request.ApprovalId, "U0LEAD", "lead", approve: true, CancellationToken.None);

        Assert.That(request.ExpiresAt, Is.EqualTo(T0 + TimeSpan.FromMinutes(15)));
        Assert.That(early, Is.Empty);
        Assert.That(due.Select(r => r.ApprovalId), Is.EqualTo(new[] { request.ApprovalId }));
        Assert.That(again, Is.Empty, "expired once");
        Assert.That(late, Is.TypeOf<DecisionOutcome.Closed>());
        Assert.That(((DecisionOutcome.Closed)late).Request.Status, Is.EqualTo(ApprovalStatus.Expired));
        Assert.That(notifier.Events, Is.EqualTo(new[] { "requested", "expired" }));
    }

    [Test]
    public async Task Decide_RequesterAndStrangerRefused_TwoDistinctApproversApprove()
    {
        var service = Service("{ required: 2, approvers: [U0ANN, U0LEAD, U0SECOND] }");
        var request = (await service.RequestAsync("reviews-distribution", "ann", "U0ANN", "slack:U0ANN", autoStart: true, null, CancellationToken.None))!;

        var self = await service.DecideAsync(request.ApprovalId, "U0ANN", "ann", approve: true, CancellationToken.None);
        var stranger = await service.DecideAsync(request.ApprovalId, "U0X", "x", approve: true, CancellationToken.None);
        var first = await service.DecideAsync(request.ApprovalId, "U0LEAD", "lead", approve: true, CancellationToken.None);
        var repeat = await service.DecideAsync(request.ApprovalId, "U0LEAD", "lead", approve: true, CancellationToken.None);
        var second = await service.DecideAsync(request.ApprovalId, "U0SECOND", "second", approve: true, CancellationToken.None);
        var audit = await store.Audit.ListAsync(new DrillBot.Store.Audit.AuditQuery(), CancellationToken.None);

        Assert.That(self, Is.TypeOf<DecisionOutcome.SelfApproval>(), "the requester is listed as an approver and still may not approve");
        Assert.That(stranger, Is.TypeOf<DecisionOutcome.NotAnApprover>());
        Assert.That(first, Is.TypeOf<DecisionOutcome.Recorded>());
        Assert.That(repeat, Is.TypeOf<DecisionOutcome.AlreadyDecided>());
        Assert.That(second, Is.TypeOf<DecisionOutcome.Approved>());
        Assert.That(((DecisionOutcome.Approved)second).Request.Decisions.Select(d => d.ApproverId), Is.EqualTo(new[] { "U0LEAD", "U0SECOND" }));
        Assert.That(audit.Select(a => a.Entry.Action), Is.EqualTo(new[] { "approval.requested", "approval.refused", "approval.refused", "approval.decision", "approval.decision", "approval.approved" }));
    }

    [Test]
    public async Task Gate_ApprovedOnce_UsedByOneRunAndRefusedAfterwards()
    {
        var service = Service("{ required: 1, approvers: [U0LEAD] }");
        var gate = new ApprovalGate(store, time);
        var drill = Drill();
        var request = (await service.RequestAsync("reviews-distribution", "ci", "token:ci", "api-token:ci", autoStart: false, null, CancellationToken.None))!;
        var run = new RunRequest("reviews-distribution", new RunTrigger(TriggerKind.Api, "ci")) { ApprovalId = request.ApprovalId };

        var pending = await gate.CheckAsync(drill, run, CancellationToken.None);
        await service.DecideAsync(request.ApprovalId, "U0LEAD", "lead", approve: true, CancellationToken.None);
        var approved = await gate.CheckAsync(drill, run, CancellationToken.None);
        var used = await gate.ConsumeAsync(request.ApprovalId, "run-1", CancellationToken.None);
        var usedTwice = await gate.ConsumeAsync(request.ApprovalId, "run-2", CancellationToken.None);
        var afterUse = await gate.CheckAsync(drill, run, CancellationToken.None);
        var none = await gate.CheckAsync(drill, run with { ApprovalId = null }, CancellationToken.None);
        var dryRun = await gate.CheckAsync(drill, run with { ApprovalId = null, DryRun = true }, CancellationToken.None);

        Assert.That(pending!.Reason, Does.Contain("still pending (0 of 1 approvals"));
        Assert.That(approved, Is.Null);
        Assert.That(used, Is.True);
        Assert.That(usedTwice, Is.False);
        Assert.That(afterUse!.Reason, Does.Contain("was used already by run run-1"));
        Assert.That(none!.Reason, Does.Contain("needs approval by 1 of U0LEAD"));
        Assert.That(dryRun, Is.Null, "a dry run changes nothing and needs no approval");
    }

    [TestCase(null, "its schedule is not pre-approved")]
    [TestCase("{ approvedBy: U0LEAD, reference: CHG-4711 }", null)]
    [TestCase("{ approvedBy: U0LEAD, reference: CHG-4711, until: 2025-03-04 }", null)]
    [TestCase("{ approvedBy: U0LEAD, reference: CHG-4711, until: 2025-03-03 }", "pre-approval of its schedule (CHG-4711) ended on 2025-03-03")]
    public async Task Gate_ScheduledFire_NeedsTheSchedulesPreApproval(string? schedule, string? refusal)
    {
        var approval = schedule is null ? "{ required: 1, approvers: [U0LEAD] }" : $"{{ required: 1, approvers: [U0LEAD], schedule: {schedule} }}";
        var service = Service(approval, new TestDrills.Options { DistributionSchedule = "0 0 3 ? * TUE" });
        var gate = new ApprovalGate(store, time);

        var result = await gate.CheckAsync(Drill(), new RunRequest("reviews-distribution", new RunTrigger(TriggerKind.Schedule, "quartz")), CancellationToken.None);

        Assert.That(result?.Reason, refusal is null ? Is.Null : Does.Contain(refusal));
    }

    private DrillDefinition Drill() => config!.Current.FindDrill("reviews-distribution")!;

    private DrillsConfigState? config;

    private ApprovalService Service(string approval, TestDrills.Options? options = null)
    {
        var loaded = DrillsLoader.Parse(GovernanceDrills.WithApproval(approval, options), "drills.yaml", QuartzCronParser.Instance, n => n == "PRODUCTPAGE_URL" ? "http://127.0.0.1:1/productpage" : null);
        Assert.That(loaded.IsValid, Is.True, string.Join("; ", loaded.Problems));
        config = new DrillsConfigState("drills.yaml", loaded.Config!, T0);
        var audit = new AuditLog(store, time, NullLogger<AuditLog>.Instance);
        return new ApprovalService(store, config, new DirectApproverDirectory(), [notifier], audit, new DrillMetrics(Prometheus.Metrics.NewCustomRegistry()), time, NullLogger<ApprovalService>.Instance);
    }

    private sealed class RecordingNotifier : IApprovalNotifier
    {
        public List<string> Events { get; } = [];

        public Task RequestedAsync(ApprovalRequest request, CancellationToken cancellationToken) => Add("requested");

        public Task DecidedAsync(ApprovalRequest request, ApprovalDecision decision, CancellationToken cancellationToken) => Add("decided:" + decision.ApproverId);

        public Task ExpiredAsync(ApprovalRequest request, CancellationToken cancellationToken) => Add("expired");

        public Task NoteAsync(ApprovalRequest request, string key, string text, CancellationToken cancellationToken) => Add("note");

        private Task Add(string e)
        {
            Events.Add(e);
            return Task.CompletedTask;
        }
    }
}
