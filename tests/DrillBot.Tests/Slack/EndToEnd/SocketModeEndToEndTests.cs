using System.Text.Json.Nodes;
using DrillBot.Tests.Service.Support;

namespace DrillBot.Tests.Slack.EndToEnd;

/// <summary>Socket Mode: no public ingress; an envelope with <c>/drill run</c> is acknowledged and the drill runs.</summary>
[NonParallelizable]
public sealed class SocketModeEndToEndTests
{
    [Test]
    public async Task SlashCommandEnvelope_OverSocket_AcknowledgedWithReplyAndDrillRuns()
    {
        await using var service = await ServiceHarness.StartAsync(new ServiceHarness.Options { SocketMode = true });
        var socket = await service.Slack!.NextSocketAsync();
        var before = LabState.Snapshot(service.Lab);

        await socket.SendAsync(new JsonObject
        {
            ["envelope_id"] = "env-1",
            ["type"] = "slash_commands",
            ["accepts_response_payload"] = true,
            ["payload"] = new JsonObject
            {
                ["command"] = "/drill", ["text"] = "run reviews-distribution", ["user_id"] = ServiceHarness.AllowedUser, ["user_name"] = "ann",
                ["channel_id"] = "C1", ["trigger_id"] = "trig-socket", ["response_url"] = service.Slack.ResponseUrl("s").ToString(),
            },
        });
        var ack = await socket.ReceiveAsync();
        var runId = await Eventually.WaitAsync(
            async () =>
            {
                var (_, body) = await service.SendAsync(HttpMethod.Get, "/api/runs?limit=1");
                return body["runs"]!.AsArray().FirstOrDefault()?["runId"]?.GetValue<string>();
            },
            "the run started over Socket Mode");
        var report = await service.WaitForReportAsync(runId);

        Assert.That(ack["envelope_id"]!.GetValue<string>(), Is.EqualTo("env-1"));
        Assert.That(ack["payload"]!.ToJsonString(), Does.Contain("Started").And.Contain(runId));
        Assert.That(report["verdict"]!.GetValue<string>(), Is.EqualTo("passed"));
        Assert.That(report["trigger"]!["by"]!.GetValue<string>(), Is.EqualTo("ann"));
        Assert.That(LabState.Snapshot(service.Lab), Is.EqualTo(before));
        Assert.That(await service.Http.GetStringAsync("/metrics"), Does.Contain("drillbot_slack_requests_total{kind=\"command\",result=\"ok\"} 1"), "Socket Mode requests are counted too");
    }
}
