using DrillBot.Logging;
using Microsoft.Extensions.Logging;

namespace DrillBot.Tests.Hosting;

/// <summary>DRILLBOT_LOG_FORMAT=json gives one JSON object per line with the run's scope (runId, drill) as properties.</summary>
[NonParallelizable]
public sealed class LoggingSetupTests
{
    [Test]
    public void Configure_Json_RunScopeBecomesProperties()
    {
        var output = LogThroughConsole(json: true);
        var line = output.Split('\n').Single(l => l.Contains("probe", StringComparison.Ordinal));
        var entry = System.Text.Json.Nodes.JsonNode.Parse(line)!;

        Assert.That(entry["Message"]!.GetValue<string>(), Is.EqualTo("probe message 7"));
        Assert.That(entry["Scopes"]!.ToJsonString(), Does.Contain("\"runId\":\"20260101-000000-abcdef\"").And.Contain("\"drill\":\"reviews-failover\""));
        Assert.That(entry["Category"]!.GetValue<string>(), Is.EqualTo("DrillBot.Runs"));
    }

    [Test]
    public void Configure_Text_OneLinePerEntryWithTheRunScope()
    {
        var output = LogThroughConsole(json: false);
        var line = output.Split('\n').Single(l => l.Contains("probe", StringComparison.Ordinal));

        Assert.That(line, Does.Contain("runId=20260101-000000-abcdef drill=reviews-failover").And.Contain("probe message 7"));
    }

    private static string LogThroughConsole(bool json)
    {
        var original = Console.Out;
        using var captured = new StringWriter();
        Console.SetOut(captured);
        try
        {
            using (var factory = LoggerFactory.Create(b => LoggingSetup.Configure(b, json)))
            {
                var logger = factory.CreateLogger("DrillBot.Runs");
                using (logger.BeginScope(new RunLogScope("20260101-000000-abcdef", "reviews-failover")))
                {
                    LogProbe(logger, 7);
                }
            }

            return captured.ToString();
        }
        finally
        {
            Console.SetOut(original);
        }
    }

#pragma warning disable CA1848, CA2254 // a plain call is the point: any log line of a run gets the scope
    private static void LogProbe(ILogger logger, int n) => logger.LogInformation("probe message {N}", n);
#pragma warning restore CA1848, CA2254
}
