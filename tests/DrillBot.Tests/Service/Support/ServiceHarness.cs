using System.Net.Http.Headers;
using System.Text;
using DrillBot.Drills.Cluster;
using DrillBot.Drills.Locking;
using DrillBot.Hosting;
using DrillBot.Lab;
using DrillBot.Slack.Outbox;
using DrillBot.Slack.WebApi;
using DrillBot.Store;
using DrillBot.Tests.Slack.Fakes;
using Microsoft.Extensions.Logging;

namespace DrillBot.Tests.Service.Support;

/// <summary>
/// <c>drillbot serve</c> in-process on a free loopback port, against the in-process Lab (fast
/// timings), with the stand-in Slack on loopback when asked, a SQLite (or given) store, short
/// background intervals and captured logs. Dispose stops it gracefully and removes everything.
/// </summary>
internal sealed class ServiceHarness : IAsyncDisposable
{
    public const string ApiToken = "test-api-token-0123456789";
    public const string BotToken = "xoxb-test-bot-token";
    public const string Channel = "C0RUNS";
    public const string AllowedUser = "U0ALLOWED";

    private readonly bool ownsLab;
    private readonly bool ownsSlack;
    private readonly bool ownsDirectory;
    private int disposed;

    private ServiceHarness(ServiceApp app, LabHost lab, FakeSlackServer? slack, string directory, LogCapture logs, bool ownsLab, bool ownsSlack, bool ownsDirectory)
    {
        this.ownsDirectory = ownsDirectory;
        App = app;
        Lab = lab;
        Slack = slack;
        Directory = directory;
        Logs = logs;
        this.ownsLab = ownsLab;
        this.ownsSlack = ownsSlack;
        Http = new HttpClient { BaseAddress = app.Address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public ServiceApp App { get; }
    public LabHost Lab { get; }
    public FakeSlackServer? Slack { get; }
    public string Directory { get; }
    public LogCapture Logs { get; }
    public HttpClient Http { get; }
    public string ConfigPath => Path.Combine(Directory, "drills.yaml");

    public sealed record Options
    {
        public TestDrills.Options Drills { get; init; } = new();
        public bool WithSlack { get; init; }
        public bool SocketMode { get; init; }
        public LabHost? Lab { get; init; }
        public FakeSlackServer? SlackServer { get; init; }
        public StoreLocation? Store { get; init; }
        public string? Directory { get; init; }
        public string InstanceId { get; init; } = "test-" + Guid.NewGuid().ToString("N")[..6];
        public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();
        public Func<ServiceHostOptions, ServiceHostOptions>? Tune { get; init; }
    }

    public static async Task<ServiceHarness> StartAsync(Options? options = null)
    {
        options ??= new Options();
        var lab = options.Lab ?? await LabHost.StartAsync(FastLab());
        var slack = options.SlackServer ?? (options.WithSlack || options.SocketMode ? await FakeSlackServer.StartAsync() : null);
        var directory = options.Directory ?? System.IO.Directory.CreateTempSubdirectory("drillbot-serve-").FullName;
        var config = Path.Combine(directory, "drills.yaml");
        if (!File.Exists(config))
        {
            await File.WriteAllTextAsync(config, TestDrills.Yaml(options.Drills));
        }

        var env = new Dictionary<string, string>
        {
            ["KUBECONFIG"] = lab.KubeconfigPath,
            ["PRODUCTPAGE_URL"] = lab.ProductpageUrl.ToString(),
            ["DRILLBOT_DB"] = options.Store?.ConnectionString ?? Path.Combine(directory, "drillbot.db"),
            ["DRILLBOT_API_TOKEN"] = ApiToken,
            ["DRILLBOT_INSTANCE_ID"] = options.InstanceId,
            ["DRILLBOT_SHUTDOWN_GRACE"] = "20s",
        };
        if (slack is not null)
        {
            env["SLACK_BOT_TOKEN"] = BotToken;
            env["SLACK_SIGNING_SECRET"] = SignedRequests.Secret;
            env["SLACK_CHANNEL"] = Channel;
            env["SLACK_ALLOWED_USERS"] = AllowedUser;
            env["SLACK_API_BASE"] = slack.ApiBase.ToString();
            if (options.SocketMode)
            {
                env["SLACK_APP_TOKEN"] = "xapp-1-test-app-token";
            }
        }

        foreach (var (key, value) in options.Environment)
        {
            env[key] = value;
        }

        var settings = ServiceSettingsReader.Read(n => env.GetValueOrDefault(n), out var problems) ?? throw new InvalidOperationException(string.Join("; ", problems));
        var logs = new LogCapture();
        var host = new ServiceHostOptions
        {
            ConfigPath = config,
            Urls = "http://127.0.0.1:0",
            Variables = n => env.GetValueOrDefault(n),
            ConfigPollInterval = TimeSpan.FromMilliseconds(100),
            ResumptionInterval = TimeSpan.FromMilliseconds(500),
            InstanceLeaseTtl = TimeSpan.FromSeconds(3),
            WorkLeaseTtl = TimeSpan.FromSeconds(3),
            AbortPollInterval = TimeSpan.FromMilliseconds(100),
            MisfireThreshold = TimeSpan.FromSeconds(1),
            QuartzCheckinInterval = TimeSpan.FromSeconds(1),
            Lock = new LockOptions { LeaseDuration = TimeSpan.FromSeconds(6) },
            ClusterRetry = new ClusterRetryOptions { BaseDelay = TimeSpan.FromMilliseconds(20), MaxDelay = TimeSpan.FromMilliseconds(500) },
            Outbox = new SlackOutboxOptions { PollInterval = TimeSpan.FromMilliseconds(50), BaseBackoff = TimeSpan.FromMilliseconds(100), MaxBackoff = TimeSpan.FromMilliseconds(500) },
            SlackResilience = new SlackResilienceOptions { MaxRetryAttempts = 0, AttemptTimeout = TimeSpan.FromSeconds(5), BreakDuration = TimeSpan.FromMilliseconds(500), SamplingDuration = TimeSpan.FromSeconds(2) },
            SocketMode = s => s with { ReconnectBaseDelay = TimeSpan.FromMilliseconds(20), ReconnectMaxDelay = TimeSpan.FromMilliseconds(200) },
            ConfigureLogging = b =>
            {
                b.ClearProviders();
                b.AddProvider(logs);
            },
        };
        host = options.Tune?.Invoke(host) ?? host;
        var app = await ServiceApp.StartAsync(settings, host, CancellationToken.None);
        var harness = new ServiceHarness(app, lab, slack, directory, logs, options.Lab is null, options.SlackServer is null && slack is not null, options.Directory is null);
        await Eventually.WaitAsync(
            async () =>
            {
                using var ready = await harness.Http.GetAsync("/readyz");
                return ready.IsSuccessStatusCode ? "ready" : null;
            },
            "serve to be ready",
            TimeSpan.FromSeconds(30));
        return harness;
    }

    public static LabTopology FastLab() => LabTimings.Quick();

    /// <summary>An API request with the bearer token.</summary>
    public HttpRequestMessage Api(HttpMethod method, string path, string? json = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ApiToken);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return request;
    }

    /// <summary>Posts a Slack-signed form body to <paramref name="path"/>.</summary>
    public async Task<HttpResponseMessage> PostSlackAsync(string path, string body, string? retryNum = null, string secret = SignedRequests.Secret)
    {
        var signed = SignedRequests.Sign(body, TimeProvider.System, retryNum, secret: secret);
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        request.Headers.Add("X-Slack-Request-Timestamp", signed.Timestamp);
        request.Headers.Add("X-Slack-Signature", signed.Signature);
        if (retryNum is not null)
        {
            request.Headers.Add("X-Slack-Retry-Num", retryNum);
        }

        return await Http.SendAsync(request);
    }

    /// <summary>Stops the service gracefully (running drills abort and restore); what the options gave it (Lab, Slack, directory) stays.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        if (ownsSlack)
        {
            await Slack!.DisposeAsync();
        }

        if (ownsLab)
        {
            await Lab.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (ownsDirectory)
        {
            try
            {
                System.IO.Directory.Delete(Directory, recursive: true);
            }
            catch (IOException)
            {
                // a file still open (SQLite WAL) is harmless in the temp directory
            }
        }
    }
}
