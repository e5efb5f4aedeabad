using System.Globalization;
using System.Text.RegularExpressions;

namespace DrillBot.Drills.Definitions.Parsing;

/// <summary>Reads a drill's <c>approval: { required, approvers, expiresAfter, schedule: { approvedBy, reference, until } }</c>.</summary>
internal static partial class ApprovalParser
{
    [GeneratedRegex(@"^([UW][A-Z0-9]{2,}|S[A-Z0-9]{2,}|@[a-z0-9][a-z0-9._-]{0,79})$", RegexOptions.CultureInvariant)]
    private static partial Regex ApproverPattern();

    public static ApprovalDefinition? Parse(YamlContext ctx, MapReader? map, bool scheduled)
    {
        if (map is null)
        {
            return null;
        }

        var required = map.Int("required", min: 1, max: 10) ?? 1;
        var approvers = new List<string>();
        var invalid = false;
        var listNode = map.Get("approvers", required: true);
        foreach (var (node, i) in map.List("approvers").Select((n, i) => (n, i)))
        {
            var text = ctx.Scalar(node, $"{map.Sub("approvers")}[{i}]")?.Trim();
            if (text is null)
            {
                continue;
            }

            if (!ApproverPattern().IsMatch(text))
            {
                invalid = true;
                ctx.Problem(node, $"{map.Sub("approvers")}[{i}]: '{text}' is not a Slack user ID (U…/W…), user group ID (S…) or user group handle (@sre-leads)");
                continue;
            }

            if (approvers.Contains(text, StringComparer.Ordinal))
            {
                invalid = true;
                ctx.Problem(node, $"{map.Sub("approvers")}[{i}]: '{text}' is listed twice");
                continue;
            }

            approvers.Add(text);
        }

        if (listNode is not null && approvers.Count == 0 && !invalid)
        {
            ctx.Problem(listNode, $"{map.Sub("approvers")}: list at least one approver");
        }

        var expires = map.Duration("expiresAfter") ?? ApprovalDefinition.DefaultExpiry;
        var scheduleMap = map.Map("schedule");
        var preApproval = scheduleMap is null ? null : ParseSchedule(ctx, scheduleMap);
        scheduleMap?.Done();
        map.Done();
        if (approvers.Count > 0 && required > approvers.Count && approvers.All(a => !IsGroup(a)))
        {
            ctx.Problem(map.Node, $"{map.Path}.required: {required} approvals but only {approvers.Count} approver(s) listed, so no run could ever start");
        }

        if (scheduled && scheduleMap is null)
        {
            ctx.Warn(map.Location, $"{map.Path}: the drill has a schedule but no approval.schedule, so every scheduled fire is skipped (needs approval)");
        }

        if (!scheduled && scheduleMap is not null)
        {
            ctx.Warn(scheduleMap.Location, $"{map.Sub("schedule")}: the drill has no schedule; this pre-approval is never used");
        }

        return approvers.Count == 0 ? null : new ApprovalDefinition(required, approvers, expires) { Schedule = preApproval };
    }

    /// <summary>True for a user group (handle or ID), false for a user ID.</summary>
    public static bool IsGroup(string approver) => approver.StartsWith('@') || approver.StartsWith('S');

    private static SchedulePreApproval? ParseSchedule(YamlContext ctx, MapReader map)
    {
        var by = map.String("approvedBy", required: true);
        var reference = map.String("reference", required: true);
        var untilText = map.String("until");
        DateOnly? until = null;
        if (untilText is not null)
        {
            if (DateOnly.TryParseExact(untilText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                until = day;
            }
            else
            {
                ctx.Problem(map.Get("until")!, $"{map.Sub("until")}: expected a date like 2026-06-30, found '{untilText}'");
            }
        }

        return by is null || reference is null ? null : new SchedulePreApproval(by, reference, until);
    }
}
