using DrillBot.Lab.Api;
using DrillBot.Lab.Ingress;
using DrillBot.Lab.Mesh;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DrillBot.Lab.State;

/// <summary>
/// The whole emulated state: clusters, stores, pods, mesh policy and the timeline. Every change happens
/// under <see cref="Gate"/> (writes are rare); the request hot path reads the published
/// <see cref="RoutingSnapshot"/> without locks and only takes the lock when a transition is due.
/// </summary>
internal sealed partial class LabWorld : IDisposable
{
    private readonly Dictionary<string, ContextState> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _regionIndex = new(StringComparer.Ordinal);
    private readonly ITimer _timer;
    private RoutingSnapshot _snapshot = null!;
    private RoutingEpoch _epoch;
    private bool _routingChanged;
    private readonly CancellationTokenSource _stopping = new();
    private bool _disposed;

    public LabWorld(LabTopology topology, TimeProvider time, int seed, ILogger? logger = null)
    {
        Topology = topology;
        Logger = logger ?? NullLogger.Instance;
        Time = time;
        Random = new Random(seed);
        HotRandom = new SeededRandom(seed);
        Pods = new PodController(this);
        Control = new ControlState(topology);
        Pages = new BookinfoPages(topology.Template);
        Contexts = topology.Contexts.Select((c, i) => new ContextState(c, i, c.Name == topology.MeshContext, [.. topology.Owners.Where(o => o.Context == c.Name)])).ToArray();
        foreach (var context in Contexts)
        {
            _byName[context.Name] = context;
            if (context.Region is not null && !_regionIndex.ContainsKey(context.Region))
            {
                _regionIndex[context.Region] = _regionIndex.Count;
            }
        }

        MeshContext = _byName[topology.MeshContext];
        IngressContext = _byName[topology.IngressContext];
        IngressContexts = [.. topology.Ingresses().Select(n => _byName[n])];
        _epoch = new RoutingEpoch(_regionIndex.Count);
        _timer = time.CreateTimer(_ => OnTimer(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        lock (Gate)
        {
            var now = time.GetUtcNow();
            StartedAt = now;
            WorldSeeder.Seed(this, now);
            OwnerSeeder.Seed(this, now);
            Owners = new Controllers.OwnerControllers(this);
            Policy = PolicyParser.Parse(MeshContext.Store, Namespace, topology.Mesh.RetryAttempts);
            RefreshLocality(now, record: false);
            Publish(now);
        }
    }

    public Lock Gate { get; } = new();

    /// <summary>Cancelled when the Lab stops: open watches end.</summary>
    public CancellationToken Stopping => _stopping.Token;

    /// <summary>Ends every open watch (before the servers stop, so they need not wait for them).</summary>
    public void Stop() => _stopping.Cancel();

    /// <summary>When the Lab started (creation time of the seeded objects).</summary>
    public DateTimeOffset StartedAt { get; }

    public LabTopology Topology { get; }

    public TimeProvider Time { get; }

    public string Namespace => Topology.Namespace;

    public EventLog Events { get; } = new();

    /// <summary>Per-request hop records (<c>GET /lab/requests</c>).</summary>
    public RequestLog Requests { get; } = new();

    /// <summary>The Lab's log (not-modelled config is reported here and in the timeline).</summary>
    public ILogger Logger { get; }

    public Scheduler Scheduler { get; } = new();

    /// <summary>Seeded generator for names and ids; use under <see cref="Gate"/> only.</summary>
    public Random Random { get; }

    /// <summary>Seeded lock-free generator for per-request choices.</summary>
    public SeededRandom HotRandom { get; }

    public IReadOnlyList<ContextState> Contexts { get; }

    public ContextState MeshContext { get; }

    /// <summary>The primary ingress gateway's context (<see cref="LabHost.ProductpageUrl"/>).</summary>
    public ContextState IngressContext { get; }

    /// <summary>Every context with an ingress gateway (the primary among them), in topology order.</summary>
    public IReadOnlyList<ContextState> IngressContexts { get; }

    public PodController Pods { get; }

    public ControlState Control { get; }

    public BookinfoPages Pages { get; }

    public ReviewsPolicy Policy { get; private set; } = ReviewsPolicy.None;

    /// <summary>Argo CD, Flux, KEDA and HPA as the Lab models them (they act through the scheduler).</summary>
    public Controllers.OwnerControllers Owners { get; private set; } = null!;

    public IReadOnlyDictionary<string, int> RegionIndex => _regionIndex;

    public ContextState? FindContext(string name) => _byName.GetValueOrDefault(name);

    /// <summary>The routing view for a request at <paramref name="now"/>, applying any transition that is due.</summary>
    public RoutingSnapshot Current(DateTimeOffset now)
    {
        var snapshot = Volatile.Read(ref _snapshot);
        if (now < snapshot.NextDue)
        {
            return snapshot;
        }

        lock (Gate)
        {
            Begin(now);
            return _snapshot;
        }
    }

    /// <summary>The latest published snapshot, without pumping.</summary>
    public RoutingSnapshot Latest => Volatile.Read(ref _snapshot);

    /// <summary>Under <see cref="Gate"/>: applies due transitions so a write sees the state at <paramref name="now"/>.</summary>
    public void Begin(DateTimeOffset now)
    {
        if (Scheduler.RunDue(now) > 0)
        {
            Publish(now);
        }
    }

    public void Record(DateTimeOffset time, string kind, ContextState context, string obj, string? detail) =>
        Events.Add(new LabEvent(time, kind, context.Name, obj, detail, context.Region));

    /// <summary>Something that reviews routing depends on changed: the next response of each region is a first response.</summary>
    public void RoutingChanged(string app)
    {
        if (app == "reviews")
        {
            _routingChanged = true;
        }
    }

    /// <summary>A pod of this deployment changed: refresh the Deployment's status (a controller write).</summary>
    public void DeploymentChanged(ContextState context, string deployment, DateTimeOffset at) =>
        DeploymentStatusWriter.Refresh(this, context, deployment, at);

    /// <summary>The Istio config changed: re-read the reviews policy; a changed DestinationRule resets outlier detection.</summary>
    public void IstioChanged(DateTimeOffset now)
    {
        var policy = PolicyParser.Parse(MeshContext.Store, Namespace, Topology.Mesh.RetryAttempts);
        if (policy.ClusterKey != Policy.ClusterKey)
        {
            ResetOutlierDetection(now);
        }

        ReportNotModelled(Policy.NotModelled, policy.NotModelled, now);

        Policy = policy;
        RefreshLocality(now, record: true);
        _routingChanged = true;
    }

    /// <summary>Under <see cref="Gate"/>: publishes a new snapshot and re-arms the timer for the next transition.</summary>
    public void Publish(DateTimeOffset now)
    {
        if (_routingChanged)
        {
            _epoch = new RoutingEpoch(_regionIndex.Count);
            _routingChanged = false;
        }

        var snapshot = SnapshotBuilder.Build(this, _epoch, Scheduler.NextDue);
        Volatile.Write(ref _snapshot, snapshot);
        if (_disposed)
        {
            return;
        }

        var due = Scheduler.NextDue;
        var dueIn = due == DateTimeOffset.MaxValue ? Timeout.InfiniteTimeSpan : Max(due - now, TimeSpan.Zero);
        _timer.Change(dueIn, Timeout.InfiniteTimeSpan);
    }

    private void OnTimer()
    {
        lock (Gate)
        {
            if (_disposed)
            {
                return;
            }

            var now = Time.GetUtcNow();
            Scheduler.RunDue(now);
            Publish(now);
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    public void Dispose()
    {
        lock (Gate)
        {
            _disposed = true;
        }

        _timer.Dispose();
        _stopping.Cancel();
        _stopping.Dispose();
    }
}
