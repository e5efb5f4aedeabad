using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using DrillBot.Governance.Tokens;
using DrillBot.Slack.BlockKit;
using DrillBot.Tests.Service.Support;
using DrillBot.Tests.Slack.EndToEnd;
using DrillBot.Tests.Slack.Fakes;

namespace DrillBot.Tests.Governance;

/// <summary>
/// Named tokens with scopes, approvals and the audit log through the HTTP API of <c>serve</c> (Lab, stand-in Slack).
/// </summary>
[NonParallelizable]
public sealed class ApiGovernanceTests
{
    [Test]
    public async Task ReadToken_StartRun_403NamingTheScopeAndNothingStarts()
    {
        await using var service = await ServiceHarness.StartAsync();
        var token = await ApiTokens.CreateAsync(service.App.Store, "viewer", [ApiScopes.Read], "test", "test", TimeProvider.System, CancellationToken.None);

        var (listStatus, _) = await SendAsync(service, token!, HttpMethod.Get, "/api/runs");
        var (status, body) = await SendAsync(service, token!, HttpMethod.Post, "/api/drills/reviews-distribution/runs");
        var (freezeStatus, _) = await SendAsync(service, token!, HttpMethod.Post, "/api/freeze", """{"reason": "x"}""");
        var (_, runs) = await service.SendAsync(HttpMethod.Get, "/api/runs");

        Assert.That(listStatus, Is.EqualTo(HttpStatusCode.OK), "read may read");
        Assert.That(status, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(body["detail"]!.GetValue<string>(), Does.Contain("Token 'viewer' lacks scope 'run'").And.Contain("it has: read"));
        Assert.That(freezeStatus, Is.EqualTo(HttpStatusCode.Forbidden), "read may not freeze");
        Assert.That(runs["runs"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task RunToken_StartsARun_TheAuditNamesTheToken()
    {
        await using var service = await ServiceHarness.StartAsync();
        var token = await ApiTokens.CreateAsync(service.App.Store, "ci", [ApiScopes.Run, ApiScopes.Read], "test", "test", TimeProvider.System, CancellationToken.None);

        var (status, body) = await SendAsync(service, token!, HttpMethod.Post, "/api/drills/reviews-distribution/runs");
        var runId = body["runId"]!.GetValue<string>();
        await service.WaitForReportAsync(runId);
        var (_, audit) = await SendAsync(service, token!, HttpMethod.Get, "/api/audit?drill=reviews-distribution");
        var events = audit["events"]!.AsArray().Select(e => e!.AsObject()).ToList();

        Assert.That(status, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That(events.Single(e => e["action"]!.GetValue<string>() == "run.requested")["source"]!.GetValue<string>(), Is.EqualTo("api-token:ci"));
        Assert.That(events.Single(e => e["action"]!.GetValue<string>() == "run.started")["actor"]!.GetValue<string>(), Is.EqualTo("ci"));
        var change = events.First(e => e["action"]!.GetValue<string>() == "change");
        Assert.That(change["runId"]!.GetValue<string>(), Is.EqualTo(runId));
        Assert.That(change["detail"]!["object"]!.GetValue<string>(), Is.EqualTo("mesh DestinationRule default/reviews"));
        Assert.That(change["detail"]!["fields"]!.AsArray().Select(f => f!["field"]!.GetValue<string>()), Has.Some.StartsWith("spec.trafficPolicy"));
        Assert.That(events.Select(e => e["action"]!.GetValue<string>()), Does.Contain("restore").And.Contain("run.verdict"));
    }

    [Test]
    public async Task Tokens_CreatedByAdminApi_ShownOnceListedWithoutSecretRevokedTo401()
    {
        await using var service = await ServiceHarness.StartAsync();

        var (created, body) = await service.SendAsync(HttpMethod.Post, "/api/tokens", """{"name": "grafana", "scopes": ["read"]}""");
        var token = body["token"]!.GetValue<string>();
        var (duplicate, _) = await service.SendAsync(HttpMethod.Post, "/api/tokens", """{"name": "grafana", "scopes": ["read"]}""");
        var (_, list) = await service.SendAsync(HttpMethod.Get, "/api/tokens");
        var (before, _) = await SendAsync(service, token, HttpMethod.Get, "/api/drills");
        var (adminOnly, _) = await SendAsync(service, token, HttpMethod.Get, "/api/tokens");
        var (revoked, _) = await service.SendAsync(HttpMethod.Delete, "/api/tokens/grafana");
        var (after, afterBody) = await SendAsync(service, token, HttpMethod.Get, "/api/drills");

        Assert.That(created, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(token, Does.StartWith("dbt_").And.Length.EqualTo(68));
        Assert.That(duplicate, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(list.ToJsonString(), Does.Contain("grafana").And.Not.Contain(token).And.Not.Contain(ApiTokens.Hash(token)));
        Assert.That(before, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(adminOnly, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(revoked, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(after, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(afterBody["detail"]!.GetValue<string>(), Does.Contain("revoked"));
    }

    [Test]
    public async Task ApprovalDrill_ApiRun_403WithoutApprovalThenRunsOnceWithAnApprovedOne()
    {
        await using var slack = await FakeSlackServer.StartAsync();
        var directory = Directory.CreateTempSubdirectory("drillbot-api-approval-").FullName;
        await File.WriteAllTextAsync(Path.Combine(directory, "drills.yaml"), GovernanceDrills.WithApproval($"{{ required: 1, approvers: [{GovernanceDrills.Approver}] }}"));
        await using var service = await ServiceHarness.StartAsync(new ServiceHarness.Options { SlackServer = slack, WithSlack = true, Directory = directory });

        var (refused, refusal) = await service.SendAsync(HttpMethod.Post, "/api/drills/reviews-distribution/runs");
        var (created, approval) = await service.SendAsync(HttpMethod.Post, "/api/drills/reviews-distribution/approvals", """{"by": "ci-pipeline"}""");
        var approvalId = approval["approvalId"]!.GetValue<string>();
        var (pending, pendingBody) = await service.SendAsync(HttpMethod.Post, "/api/drills/reviews-distribution/runs", $$"""{"approvalId": "{{approvalId}}"}""");
        var posted = await Eventually.WaitAsync(() => Task.FromResult(slack.Calls.FirstOrDefault(c => c.Ok && c.Method == "chat.postMessage" && c.Body!.ToJsonString().Contains(approvalId, StringComparison.Ordinal))), "the request in Slack");
        using var click = await service.PostSlackAsync("/slack/interactions", SignedRequests.Click(SlackActionIds.Approve, approvalId, GovernanceDrills.Approver, "api-a1", slack.ResponseUrl("api-a1").ToString()));
        await Eventually.WaitAsync(async () => (await service.SendAsync(HttpMethod.Get, $"/api/approvals/{approvalId}")).Body["status"]?.GetValue<string>() == "approved" ? "ok" : null, "approved");
        var (started, run) = await service.SendAsync(HttpMethod.Post, "/api/drills/reviews-distribution/runs", $$"""{"approvalId": "{{approvalId}}"}""");
        await service.WaitForReportAsync(run["runId"]!.GetValue<string>());
        var (reused, reusedBody) = await service.SendAsync(HttpMethod.Post, "/api/drills/reviews-distribution/runs", $$"""{"approvalId": "{{approvalId}}"}""");

        Assert.That(refused, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(refusal["detail"]!.GetValue<string>(), Does.Contain("needs approval by 1 of U0LEAD").And.Contain("POST /api/drills/reviews-distribution/approvals"));
        Assert.That(created, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(pending, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(pendingBody["detail"]!.GetValue<string>(), Does.Contain("still pending (0 of 1 approvals"));
        Assert.That(posted.Body!.ToJsonString(), Does.Contain("ci-pipeline").And.Contain("api-token:shared").And.Contain("run through the API"));
        Assert.That(started, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That(reused, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(reusedBody["detail"]!.GetValue<string>(), Does.Contain("was used already by run " + run["runId"]!.GetValue<string>()));
        Directory.Delete(directory, recursive: true);
    }

    [Test]
    public async Task Audit_NoRouteDeletesOrChangesIt()
    {
        await using var service = await ServiceHarness.StartAsync();
        await service.SendAsync(HttpMethod.Post, "/api/freeze", """{"reason": "test"}""");

        var (delete, body) = await service.SendAsync(HttpMethod.Delete, "/api/audit");
        var (deleteOne, _) = await service.SendAsync(HttpMethod.Delete, "/api/audit/1");
        var (put, _) = await service.SendAsync(HttpMethod.Put, "/api/audit/1", "{}");
        var (_, audit) = await service.SendAsync(HttpMethod.Get, "/api/audit");
        var (_, verify) = await service.SendAsync(HttpMethod.Get, "/api/audit/verify");

        Assert.That(delete, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
        Assert.That(body["detail"]!.GetValue<string>(), Does.Contain("append-only"));
        Assert.That(deleteOne, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
        Assert.That(put, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
        Assert.That(OverrideBlackoutSlackTests.Actions(audit), Does.Contain("freeze"));
        Assert.That(verify["intact"]!.GetValue<bool>(), Is.True);
    }

    internal static async Task<(HttpStatusCode Status, JsonObject Body)> SendAsync(ServiceHarness service, string token, HttpMethod method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using var response = await service.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? [] : JsonNode.Parse(text) as JsonObject ?? []);
    }
}
