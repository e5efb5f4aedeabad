using System.Globalization;
using DrillBot.Drills.Definitions;
using DrillBot.Drills.Running;
using DrillBot.Runs;
using DrillBot.Store;
using DrillBot.Store.Approvals;

namespace DrillBot.Governance.Approvals;

/// <summary>
/// Whether a run of a drill with <c>approval</c> may start (docs/service.md, "Approvals"): a scheduled fire needs the
/// schedule's pre-approval in drills.yaml; any other run an approved, unexpired, unused approval of the same drill, which
/// it then uses up (<see cref="ConsumeAsync"/>), so one approval starts one run. Dry runs change nothing and need none.
/// </summary>
internal sealed class ApprovalGate(IDrillBotStore store, TimeProvider time)
{
    /// <summary>Null when the request may go on; otherwise the refusal, with a reason that says what to do.</summary>
    public async Task<StartOutcome.NeedsApproval?> CheckAsync(DrillDefinition drill, RunRequest request, CancellationToken cancellationToken)
    {
        if (drill.Approval is not { } approval || request.DryRun)
        {
            return null;
        }

        var now = time.GetUtcNow();
        if (request.Trigger.Kind == TriggerKind.Schedule)
        {
            return approval.Schedule switch
            {
                null => Refuse(drill, "it needs approval and its schedule is not pre-approved (approval.schedule in drills.yaml)"),
                { } pre when !pre.Covers(now, drill.TimeZone) => Refuse(drill, $"the pre-approval of its schedule ({pre.Reference}) ended on {pre.Until:yyyy-MM-dd}"),
                _ => null,
            };
        }

        if (request.ApprovalId is not { } id)
        {
            return Refuse(drill, $"it needs approval by {Who(approval)}: ask in Slack with /drill run {drill.Name}, or POST /api/drills/{drill.Name}/approvals and run with its approvalId once approved");
        }

        var found = await store.Approvals.GetAsync(id, cancellationToken);
        return found switch
        {
            null => Refuse(drill, $"there is no approval {id}"),
            { } a when a.Drill != drill.Name => Refuse(drill, $"approval {id} is for drill {a.Drill}"),
            { Status: ApprovalStatus.Rejected } a => Refuse(drill, $"approval {id} was rejected by {string.Join(", ", a.Decisions.Where(d => !d.Approved).Select(d => d.ApproverName))}"),
            { Status: ApprovalStatus.Used } a => Refuse(drill, $"approval {id} was used already by run {a.RunId}; ask for a new one"),
            { Status: ApprovalStatus.Expired } a => Refuse(drill, $"approval {id} expired at {Utc(a.ExpiresAt)}; ask for a new one"),
            { } a when now >= a.ExpiresAt => Refuse(drill, $"approval {id} expired at {Utc(a.ExpiresAt)}; ask for a new one"),
            { Status: ApprovalStatus.Pending } a => Refuse(drill, $"approval {id} is still pending ({a.Approvals} of {a.Required} approvals; expires {Utc(a.ExpiresAt)})"),
            _ => null,
        };
    }

    /// <summary>Uses the approval for <paramref name="runId"/>; false when it was used or expired since it was checked.</summary>
    public Task<bool> ConsumeAsync(string approvalId, string runId, CancellationToken cancellationToken) =>
        store.Approvals.ConsumeAsync(approvalId, runId, time.GetUtcNow(), cancellationToken);

    /// <summary>Gives the approval back when the run it was used for did not start after all.</summary>
    public Task ReleaseAsync(string approvalId, string runId, CancellationToken cancellationToken) =>
        store.Approvals.ReleaseAsync(approvalId, runId, cancellationToken);

    /// <summary><c>1 of @sre-leads, U123</c>.</summary>
    public static string Who(ApprovalDefinition approval) => $"{approval.Required} of {string.Join(", ", approval.Approvers)}";

    private static StartOutcome.NeedsApproval Refuse(DrillDefinition drill, string reason) => new(drill.Name, reason);

    private static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}
