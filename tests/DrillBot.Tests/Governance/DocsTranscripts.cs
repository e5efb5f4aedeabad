using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DrillBot.Slack.BlockKit;
using DrillBot.Tests.Service.Support;
using DrillBot.Tests.Slack.EndToEnd;
using DrillBot.Tests.Slack.Fakes;

namespace DrillBot.Tests.Governance;

/// <summary>
/// Not a check: writes what the stand-in Slack received for the override, approval and freeze flows to
/// <c>$DRILLBOT_TRANSCRIPTS</c> (default /tmp/drillbot-transcripts.txt), for docs/slack.md. Run it with
/// <c>--filter "FullyQualifiedName~DocsTranscripts"</c>.
/// </summary>
[Explicit("writes the transcripts of docs/slack.md")]
[NonParallelizable]
public sealed class DocsTranscripts
{
    [Test]
    public async Task Write_SlackFlows_AsTheStandInReceivedThem()
    {
        var output = new StringBuilder();
        await using var slack = await FakeSlackServer.StartAsync();
        slack.UserGroups["sre-leads"] = (GovernanceDrills.GroupId, [GovernanceDrills.Approver]);
        var directory = Directory.CreateTempSubdirectory("drillbot-transcripts-").FullName;
        await File.WriteAllTextAsync(Path.Combine(directory, "drills.yaml"), GovernanceDrills.WithApproval("{ required: 1, approvers: [\"@sre-leads\"] }", new TestDrills.Options { Blackouts = [("release-freeze", "* * * ? * *")] }));
        await using (var service = await ServiceHarness.StartAsync(new ServiceHarness.Options { SlackServer = slack, WithSlack = true, Directory = directory }))
        {
            output.AppendLine("### override");
            var refused = await Command(service, slack, "run reviews-failover", "t1");
            output.AppendLine("/drill run reviews-failover → " + Text(refused));
            var ask = await Command(service, slack, "run reviews-failover --override-blackout hotfix 4711 verification", "t2");
            output.AppendLine("/drill run reviews-failover --override-blackout hotfix 4711 verification →");
            output.AppendLine(Pretty(ask));
            var ticket = OverrideBlackoutSlackTests.Button(ask, SlackActionIds.ConfirmOverride)["value"]!.GetValue<string>();
            await service.PostSlackAsync("/slack/interactions", SignedRequests.Click(SlackActionIds.ConfirmOverride, ticket, ServiceHarness.AllowedUser, "c1", slack.ResponseUrl("c1").ToString()));
            var runId = await service.WaitForLatestRunIdAsync();
            await service.WaitForReportAsync(runId);
            await Eventually.WaitAsync(() => Task.FromResult(SlackThread.Of(slack.Calls, runId) is { Result: not null } t ? t : null), "result");
            Dump(output, slack);

            output.AppendLine("### approval");
            var mark = slack.Calls.Count;
            var question = await Command(service, slack, "run reviews-distribution --override-blackout hotfix 4711", "t3");
            output.AppendLine("/drill run reviews-distribution --override-blackout hotfix 4711 → " + Text(question));
            var ticket2 = OverrideBlackoutSlackTests.Button(question, SlackActionIds.ConfirmOverride)["value"]!.GetValue<string>();
            await service.PostSlackAsync("/slack/interactions", SignedRequests.Click(SlackActionIds.ConfirmOverride, ticket2, ServiceHarness.AllowedUser, "c2", slack.ResponseUrl("c2").ToString()));
            var posted = await Eventually.WaitAsync(() => Task.FromResult(slack.Calls.Skip(mark).FirstOrDefault(c => c.Ok && c.Method == "chat.postMessage" && c.Body!.ToJsonString().Contains(SlackActionIds.Approve, StringComparison.Ordinal))), "request");
            output.AppendLine(Pretty(posted.Body!));
            var approvalId = OverrideBlackoutSlackTests.Button(posted.Body!, SlackActionIds.Approve)["value"]!.GetValue<string>();
            await service.PostSlackAsync("/slack/interactions", SignedRequests.Click(SlackActionIds.Approve, approvalId, ServiceHarness.AllowedUser, "self", slack.ResponseUrl("self").ToString()));
            await service.PostSlackAsync("/slack/interactions", SignedRequests.Click(SlackActionIds.Approve, approvalId, GovernanceDrills.Approver, "a1", slack.ResponseUrl("a1").ToString(), "lead"));
            var run2 = await Eventually.WaitAsync(async () => (await service.SendAsync(HttpMethod.Get, $"/api/approvals/{approvalId}")).Body["runId"]?.GetValue<string>(), "the run");
            await service.WaitForReportAsync(run2);
            await Task.Delay(1000);
            Dump(output, slack, mark);

            output.AppendLine("### freeze");
            mark = slack.Calls.Count;
            var slow = (await service.SendAsync(HttpMethod.Post, "/api/drills/slow-failover/runs", "{\"overrideBlackout\": \"game day\", \"by\": \"ann\"}")).Body["runId"]!.GetValue<string>();
            await service.WaitForPhaseAsync(slow, "steps");
            output.AppendLine("/drill freeze latency spike in cn-shanghai → " + Text(await Command(service, slack, "freeze latency spike in cn-shanghai", "t4", "U0ONCALL")));
            await service.WaitForReportAsync(slow);
            output.AppendLine("/drill status → " + Text(await Command(service, slack, "status", "t5")));
            output.AppendLine("/drill unfreeze (U0ONCALL) → " + Text(await Command(service, slack, "unfreeze", "t6", "U0ONCALL")));
            output.AppendLine("/drill unfreeze → " + Text(await Command(service, slack, "unfreeze", "t7")));
            await Task.Delay(1000);
            Dump(output, slack, mark);
        }

        var path = Environment.GetEnvironmentVariable("DRILLBOT_TRANSCRIPTS") ?? "/tmp/drillbot-transcripts.txt";
        await File.WriteAllTextAsync(path, output.ToString());
        Directory.Delete(directory, recursive: true);
        TestContext.Out.WriteLine(path);
    }

    private static async Task<JsonObject> Command(ServiceHarness service, FakeSlackServer slack, string text, string trigger, string user = ServiceHarness.AllowedUser)
    {
        using var answer = await service.PostSlackAsync("/slack/commands", SignedRequests.CommandBody(text, user, trigger, slack.ResponseUrl(trigger).ToString()));
        var body = JsonNode.Parse(await answer.Content.ReadAsStringAsync())!.AsObject();
        return Text(body).Contains("Working on it", StringComparison.Ordinal)
            ? await Eventually.WaitAsync(() => Task.FromResult(slack.Calls.FirstOrDefault(c => c.Method == "response_url" && c.Path.EndsWith("/" + trigger, StringComparison.Ordinal))?.Body), "deferred")
            : body;
    }

    private static string Text(JsonObject message) =>
        string.Join(" / ", message["blocks"]!.AsArray().OfType<JsonObject>().SelectMany(b => b["text"]?["text"] is { } t ? [t.GetValue<string>()] : b["fields"] is JsonArray f ? f.Select(x => x!["text"]!.GetValue<string>()) : b["elements"] is JsonArray e ? e.Select(x => x!["text"] is JsonObject o ? "[" + o["text"]!.GetValue<string>() + "]" : x!["text"]?.GetValue<string>() ?? "") : []));

    private static void Dump(StringBuilder output, FakeSlackServer slack, int from = 0)
    {
        foreach (var call in slack.Calls.Skip(from).Where(c => c.Method != "usergroups.list" || true))
        {
            var where = call.Method == "chat.postMessage" && call.ThreadTs is not null ? "chat.postMessage (thread)" : call.Method;
            output.AppendLine($"{where}: {(call.Body is { } b && b["blocks"] is not null ? Text(b) : call.Body?.ToJsonString())}");
        }
    }

    private static string Pretty(JsonObject json) => System.Text.RegularExpressions.Regex.Unescape(json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
}
