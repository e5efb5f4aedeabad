using DrillBot.Configuration;
using DrillBot.Drills.Definitions;
using DrillBot.Scheduling;
using DrillBot.Tests.Service.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace DrillBot.Tests.Configuration;

/// <summary>The reload logic on its own (fake clock, one poll at a time): debounce, accept valid, refuse invalid, keep the old.</summary>
public sealed class ConfigWatcherTests
{
    private string directory = null!;
    private string path = null!;
    private DrillsConfigState state = null!;
    private RecordingListener listener = null!;
    private ConfigWatcher watcher = null!;

    [SetUp]
    public void SetUp()
    {
        directory = Directory.CreateTempSubdirectory("drillbot-watch-").FullName;
        path = Path.Combine(directory, "drills.yaml");
        File.WriteAllText(path, TestDrills.Yaml());
        var loaded = DrillsLoader.LoadFile(path, QuartzCronParser.Instance, Env);
        Assert.That(loaded.Problems, Is.Empty, "the test drills parse");
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-06T03:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        state = new DrillsConfigState(path, loaded.Config!, clock.GetUtcNow());
        listener = new RecordingListener();
        watcher = new ConfigWatcher(state, [listener], new ConfigWatchOptions { ConfigPollInterval = TimeSpan.FromSeconds(2), Variables = Env }, clock, NullLogger<ConfigWatcher>.Instance);
        watcher.PollAsync(CancellationToken.None).GetAwaiter().GetResult(); // baseline: unchanged file
    }

    [TearDown]
    public void TearDown()
    {
        watcher.Dispose();
        Directory.Delete(directory, recursive: true);
    }

    [Test]
    public async Task Poll_ValidChange_LoadedOnlyAfterItHeldStillForOnePoll()
    {
        await File.WriteAllTextAsync(path, TestDrills.Yaml(new TestDrills.Options { FailoverSchedule = "0 0 3 ? * TUE" }));

        await watcher.PollAsync(CancellationToken.None);
        var afterFirst = listener.Configs.Count;
        await watcher.PollAsync(CancellationToken.None);

        Assert.That(afterFirst, Is.Zero, "a just-changed file may be half written");
        Assert.That(listener.Configs, Has.Count.EqualTo(1));
        Assert.That(state.Current.FindDrill("reviews-failover")!.Schedule, Is.EqualTo("0 0 3 ? * TUE"));
        Assert.That(state.Generation, Is.EqualTo(2));
        Assert.That(state.ReloadProblems, Is.Empty);
    }

    [Test]
    public async Task Poll_InvalidChange_OldConfigKeptProblemsShownThenClearedByAFix()
    {
        var old = state.Current;
        await File.WriteAllTextAsync(path, TestDrills.Yaml().Replace("interval: 25ms", "interval: soon", StringComparison.Ordinal));

        await watcher.PollAsync(CancellationToken.None);
        await watcher.PollAsync(CancellationToken.None);
        var problems = state.ReloadProblems;
        await File.WriteAllTextAsync(path, TestDrills.Yaml(new TestDrills.Options { SlowWait = "5s" }));
        await watcher.PollAsync(CancellationToken.None);
        await watcher.PollAsync(CancellationToken.None);

        Assert.That(problems, Is.Not.Empty);
        Assert.That(problems, Has.All.StartWith(path + ":"), "each problem names file, line and column");
        Assert.That(problems[0], Does.Contain("interval"));
        Assert.That(listener.Configs, Has.Count.EqualTo(1), "only the fixed file was applied");
        Assert.That(state.Current, Is.Not.SameAs(old));
        Assert.That(state.ReloadProblems, Is.Empty);
    }

    [Test]
    public async Task Poll_FileDeleted_RefusedAndOldConfigKept()
    {
        var old = state.Current;
        File.Delete(path);

        await watcher.PollAsync(CancellationToken.None);
        await watcher.PollAsync(CancellationToken.None);

        Assert.That(state.Current, Is.SameAs(old));
        Assert.That(state.ReloadProblems.Single(), Does.Contain("cannot read the file"));
        Assert.That(listener.Configs, Is.Empty);
    }

    private static string? Env(string name) => name == "PRODUCTPAGE_URL" ? "http://127.0.0.1:9/productpage" : null;

    private sealed class RecordingListener : IConfigChangeListener
    {
        public List<DrillsConfig> Configs { get; } = [];

        public Task OnConfigChangedAsync(DrillsConfig config, CancellationToken cancellationToken)
        {
            Configs.Add(config);
            return Task.CompletedTask;
        }
    }
}
