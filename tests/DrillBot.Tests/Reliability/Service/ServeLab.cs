using System.Text.Json.Nodes;
using DrillBot.Lab;
using DrillBot.Tests.Service.Support;
using DrillBot.Tests.Slack.Fakes;

namespace DrillBot.Tests.Reliability.Service;

/// <summary>
/// The world of the serve reliability tests: an in-process Lab with short delays, a working directory holding a
/// drills.yaml, optionally the stand-in Slack, and every <c>drillbot serve</c> or <c>drillbot</c> CLI process started
/// against them with short service timings (<see cref="Timings"/>). Dispose kills whatever still runs (by its own pid),
/// then removes the Lab, Slack and the directory, also when the test failed.
/// </summary>
internal sealed class ServeLab : IAsyncDisposable
{
    /// <summary>Service timings for the tests (production defaults in docs/service.md): a dead replica is noticed within ~3 s.</summary>
    public static readonly IReadOnlyDictionary<string, string> Timings = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["DRILLBOT_INSTANCE_LEASE"] = "3s",
        ["DRILLBOT_WORK_LEASE"] = "3s",
        ["DRILLBOT_DRILL_LEASE"] = "3s",
        ["DRILLBOT_RECOVERY_INTERVAL"] = "250ms",
        ["DRILLBOT_QUARTZ_CHECKIN"] = "1s",
        ["DRILLBOT_QUARTZ_CHECKIN_MISFIRE"] = "2s",
        ["DRILLBOT_MISFIRE_THRESHOLD"] = "1s",
        ["DRILLBOT_SHUTDOWN_GRACE"] = "20s",
    };

    private readonly List<DrillbotProcess> processes = [];
    private readonly List<ServeProcess> serves = [];

    private ServeLab(LabHost lab, string directory, FakeSlackServer? slack)
    {
        Lab = lab;
        Directory = directory;
        Slack = slack;
    }

    public LabHost Lab { get; }

    public string Directory { get; }

    public FakeSlackServer? Slack { get; }

    /// <summary>A SQLite store file in the directory (one installation, one replica).</summary>
    public string SqliteDb(string name = "drillbot") => Path.Combine(Directory, name + ".db");

    public static async Task<ServeLab> StartAsync(string drillsYaml, bool withSlack = false)
    {
        var lab = await LabHost.StartAsync(ServiceHarness.FastLab());
        var directory = System.IO.Directory.CreateTempSubdirectory("drillbot-serve-reliability-").FullName;
        await File.WriteAllTextAsync(Path.Combine(directory, "drills.yaml"), drillsYaml);
        return new ServeLab(lab, directory, withSlack ? await FakeSlackServer.StartAsync() : null);
    }

    /// <summary>Starts <c>drillbot serve</c> on <paramref name="db"/> as <paramref name="instanceId"/> and waits until it is ready.</summary>
    public async Task<ServeProcess> ServeAsync(string db, string instanceId, string? pauseAt = null, IReadOnlyDictionary<string, string>? extra = null)
    {
        var env = Environment(pauseAt);
        env["DRILLBOT_DB"] = db;
        env["DRILLBOT_INSTANCE_ID"] = instanceId;
        env["DRILLBOT_API_TOKEN"] = ServeProcess.ApiToken;
        foreach (var (name, value) in Timings)
        {
            env[name] = value;
        }

        if (Slack is not null)
        {
            env["SLACK_BOT_TOKEN"] = ServiceHarness.BotToken;
            env["SLACK_SIGNING_SECRET"] = SignedRequests.Secret;
            env["SLACK_CHANNEL"] = ServiceHarness.Channel;
            env["SLACK_ALLOWED_USERS"] = ServiceHarness.AllowedUser;
            env["SLACK_API_BASE"] = Slack.ApiBase.ToString();
        }

        foreach (var (name, value) in extra ?? new Dictionary<string, string>())
        {
            env[name] = value;
        }

        var serve = await ServeProcess.StartAsync(Directory, env, instanceId);
        lock (serves)
        {
            serves.Add(serve);
        }

        return serve;
    }

    /// <summary>Starts the <c>drillbot</c> CLI here (same Lab), e.g. <c>run reviews-failover</c>.</summary>
    public DrillbotProcess Cli(string? pauseAt, params string[] arguments)
    {
        var process = DrillbotProcess.Start(Directory, Environment(pauseAt), arguments);
        lock (processes)
        {
            processes.Add(process);
        }

        return process;
    }

    /// <summary>Every object a drill may touch, as stored (minus resourceVersion, generation, managedFields, status).</summary>
    public IReadOnlyDictionary<string, string?> Snapshot() => LabState.Snapshot(Lab);

    /// <summary>Holder of the drill lease in a context (null or empty: free).</summary>
    public string? LeaseHolder(string context)
    {
        var json = Lab.GetObjectJson(context, "Lease", "default", "drillbot-lock");
        return json is null ? null : JsonNode.Parse(json)!["spec"]?["holderIdentity"]?.GetValue<string>();
    }

    public async ValueTask DisposeAsync()
    {
        var failed = TestContext.CurrentContext.Result.Outcome.Status == NUnit.Framework.Interfaces.TestStatus.Failed;
        foreach (var serve in serves)
        {
            serve.Dispose();
            if (failed)
            {
                TestContext.Out.WriteLine($"===== serve {serve.InstanceId}\n{serve.Process.Output}");
            }
        }

        foreach (var process in processes)
        {
            process.Dispose();
            if (failed)
            {
                TestContext.Out.WriteLine($"===== drillbot\n{process.Output}");
            }
        }

        if (Slack is not null)
        {
            await Slack.DisposeAsync();
        }

        await Lab.DisposeAsync();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // a file a killed process held is harmless in the temp directory
        }
    }

    private Dictionary<string, string> Environment(string? pauseAt) => new(StringComparer.Ordinal)
    {
        ["KUBECONFIG"] = Lab.KubeconfigPath,
        ["PRODUCTPAGE_URL"] = Lab.ProductpageUrl.ToString(),
        ["DRILLBOT_TEST_PAUSE_AT"] = pauseAt ?? string.Empty,
        ["DRILLBOT_LOG_FORMAT"] = "text",
    };
}
