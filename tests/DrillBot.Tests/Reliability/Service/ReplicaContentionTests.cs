using System.Net;
using System.Text.Json.Nodes;
using DrillBot.Tests.Service.Support;
using DrillBot.Tests.Support.Postgres;

namespace DrillBot.Tests.Reliability.Service;

/// <summary>
/// Lock contention between processes: two real <c>drillbot serve</c> replicas on one PostgreSQL and a CLI
/// <c>drillbot run</c> are asked to run reviews-failover (same clusters) at the same moment. Exactly one run changes
/// the Lab (every process stops at <c>observe</c> with DRILLBOT_TEST_PAUSE_AT, so the winner still holds the Lease while
/// the others answer); each other one is refused naming the holder — a replica that loses to a replica with HTTP 409
/// always; one that loses to the CLI (which does not use the store) with 409, or, when its request landed in the same
/// instant as the CLI took the Lease, 202 and then an aborted run refused at preflight by the Lease; the CLI exits 1 —
/// and the Lab is back exactly once the winner resumes.
/// </summary>
[NonParallelizable]
public sealed class ReplicaContentionTests
{
    private const string Drill = "reviews-failover";
    private const string Observe = "observe";

    [Test]
    public async Task TwoReplicasAndCli_SameDrillAtTheSameMoment_ExactlyOneRunsOthersRefusedLabRestored()
    {
        await using var database = await PostgresTestServer.CreateDatabaseAsync("contention");
        await using var world = await ServeLab.StartAsync(TestDrills.Yaml());
        var before = world.Snapshot();
        var a = await world.ServeAsync(database.ConnectionString, "replica-a", Observe);
        var b = await world.ServeAsync(database.ConnectionString, "replica-b", Observe);
        var outcomes = new List<string>();

        // round 1: the CLI and both API requests sent together; round 2: the API requests sent the moment the CLI took its first Lease
        for (var round = 1; round <= 2; round++)
        {
            var pausedBefore = new[] { a, b }.ToDictionary(r => r.InstanceId, r => PausedCount(r.Process));
            var cli = world.Cli(Observe, "run", Drill);
            if (round == 2)
            {
                await a.WaitAsync(() => Task.FromResult(string.IsNullOrEmpty(world.LeaseHolder("ack-hangzhou")) ? null : "held"), "the CLI run to take the Lease");
            }

            var answers = await Task.WhenAll(StartAsync(a), StartAsync(b));
            var (winner, winnerRun) = await WinnerAsync(world, [a, b], pausedBefore, answers, cli);
            var atPause = world.Snapshot();

            var refusals = new List<string>();
            foreach (var (replica, (status, body)) in new[] { a, b }.Zip(answers))
            {
                if (replica == winner)
                {
                    continue;
                }

                if (winner is not null)
                {
                    // between replicas the history's start is one step (StartUnlessBusyAsync): the other replica always answers 409
                    Assert.That(status, Is.EqualTo(HttpStatusCode.Conflict), $"round {round}: {replica.InstanceId} lost to {winner.InstanceId}: {body.ToJsonString()}");
                }

                refusals.Add(await RefusalAsync(replica, status, body, winner?.InstanceId ?? $"{Environment.MachineName}/{cli.Id}", winnerRun));
            }

            var cliWon = winner is null;
            if (!cliWon)
            {
                Assert.That(await cli.ExitCodeAsync(), Is.EqualTo(1), cli.Output);
                Assert.That(cli.Flat, Does.Contain("ABORTED").And.Contain("refused: cluster hangzhou"), "the CLI run refused by the Lease");
                Assert.That(cli.Flat, Does.Not.Contain("renewed -"), "a lease taken a moment ago was renewed 0s ago, not a negative age");
                refusals.Add($"cli exit 1: {Line(cli.Flat, "refused: ")}");
            }

            Resume(winner, cli);
            if (cliWon)
            {
                Assert.That(await cli.ExitCodeAsync(), Is.AnyOf(0, 1), cli.Output);
                Assert.That(cli.Flat, Does.Contain("restore: verified"), cli.Output);
            }
            else
            {
                var report = await winner!.WaitForReportAsync(winnerRun);
                Assert.That(report["restore"]!["status"]!.GetValue<string>(), Is.EqualTo("verified"), report.ToJsonString());
            }

            var changed = before.Keys.Where(k => before[k] != atPause[k]).Order().ToList();
            outcomes.Add($"round {round}: {(cliWon ? "cli" : winner!.InstanceId)} ran {winnerRun}; {string.Join("; ", refusals)}");
            Assert.Multiple(() =>
            {
                Assert.That(changed, Is.EqualTo(new[] { "Deployment reviews-v1", "DestinationRule reviews" }), "only the winner's changes");
                Assert.That(DrRun(world), Is.Null, "the DestinationRule's annotations are gone");
                Assert.That(world.Snapshot(), Is.EqualTo(before), $"round {round}: the Lab exactly as before");
                Assert.That(world.LeaseHolder("ack-hangzhou"), Is.Null.Or.Empty, "the leases are released");
                Assert.That(world.LeaseHolder("asm"), Is.Null.Or.Empty);
            });
        }

        TestContext.Out.WriteLine("contention: " + string.Join(" | ", outcomes));
    }

    private static async Task<(HttpStatusCode Status, JsonObject Body)> StartAsync(ServeProcess replica) =>
        await replica.ApiAsync(HttpMethod.Post, $"/api/drills/{Drill}/runs");

    /// <summary>Waits until exactly one contender has paused at observe (holding every lease); null replica: the CLI.</summary>
    private static async Task<(ServeProcess? Replica, string RunId)> WinnerAsync(ServeLab world, ServeProcess[] replicas, Dictionary<string, int> pausedBefore, (HttpStatusCode Status, JsonObject Body)[] answers, DrillbotProcess cli)
    {
        var paused = await replicas[0].WaitAsync(
            () =>
            {
                var who = replicas.Where(r => PausedCount(r.Process) > pausedBefore[r.InstanceId]).Select(r => r.InstanceId).ToList();
                if (PausedCount(cli) > 0)
                {
                    who.Add("cli");
                }

                return Task.FromResult(who.Count > 0 ? who : null);
            },
            "one contender to hold the drill at observe");
        Assert.That(paused, Has.Count.EqualTo(1), "exactly one run got past preflight");
        var runId = DrRun(world);
        Assert.That(runId, Is.Not.Null, "the winner changed the DestinationRule");
        if (paused[0] == "cli")
        {
            return (null, runId!);
        }

        var replica = replicas.Single(r => r.InstanceId == paused[0]);
        var answer = answers[Array.IndexOf(replicas, replica)];
        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.Accepted), answer.Body.ToJsonString());
        Assert.That(answer.Body["runId"]!.GetValue<string>(), Is.EqualTo(runId), "the winner's run is the one in the Lab");
        return (replica, runId!);
    }

    /// <summary>A refused API request: 409 naming the holder, or 202 and an aborted run refused by the Lease at preflight.</summary>
    private static async Task<string> RefusalAsync(ServeProcess replica, HttpStatusCode status, JsonObject body, string winner, string winnerRun)
    {
        if (status == HttpStatusCode.Conflict)
        {
            var detail = body["detail"]!.GetValue<string>();
            Assert.That(detail, Does.Contain("holds a target cluster").Or.Contain("is locked by"), "409 names the holder");
            Assert.That(detail, Does.Not.Contain("renewed -"));
            return $"{replica.InstanceId} 409: {detail}";
        }

        Assert.That(status, Is.EqualTo(HttpStatusCode.Accepted), body.ToJsonString());
        var runId = body["runId"]!.GetValue<string>();
        var report = await replica.WaitForReportAsync(runId);
        var reasons = report["reasons"]!.ToJsonString();
        Assert.That(report["verdict"]!.GetValue<string>(), Is.EqualTo("aborted"), reasons);
        Assert.That(reasons, Does.Contain($"refused: cluster hangzhou is locked by {winner} run {winnerRun}"), "refused at preflight by the Lease, naming its holder");
        return $"{replica.InstanceId} 202 then aborted: {reasons}";
    }

    private static void Resume(ServeProcess? winner, DrillbotProcess cli)
    {
        if (winner is null)
        {
            cli.Resume();
        }
        else
        {
            winner.Process.Resume();
        }
    }

    private static int PausedCount(DrillbotProcess process) =>
        process.Error.Split('\n').Count(l => l.TrimEnd('\r') == "drillbot-test: paused at " + Observe);

    private static string? DrRun(ServeLab world)
    {
        var json = world.Lab.GetObjectJson("asm", "DestinationRule", "default", "reviews");
        return json is null ? null : JsonNode.Parse(json)!["metadata"]?["annotations"]?["drillbot.io/run"]?.GetValue<string>();
    }

    private static string Line(string text, string from)
    {
        var at = text.IndexOf(from, StringComparison.Ordinal);
        return at < 0 ? text : text[at..Math.Min(text.Length, at + 160)];
    }
}
