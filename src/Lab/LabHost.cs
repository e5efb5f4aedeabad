using System.Security.Cryptography;
using DrillBot.Lab.Api;
using DrillBot.Lab.Hosting;
using DrillBot.Lab.Ingress;
using DrillBot.Lab.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DrillBot.Lab;

/// <summary>
/// A running Lab: one emulated Kubernetes API server per kube context (HTTPS, loopback, free port) and the
/// Bookinfo ingress (HTTP). An emulation with documented behaviour (docs/lab.md), not Kubernetes and not Envoy.
/// </summary>
public sealed class LabHost : IAsyncDisposable
{
    private readonly LabWorld _world;
    private readonly LabCertificates _certificates;
    private readonly List<WebApplication> _servers;
    private readonly string _kubeconfig;
    private readonly string? _ownedDirectory;
    private readonly ILogger _logger;
    private int _disposed;

    private readonly IReadOnlyDictionary<string, string> _identityKubeconfigs;

    private LabHost(LabTopology topology, LabWorld world, LabCertificates certificates, List<WebApplication> servers, string kubeconfig,
        string kubeconfigPath, string? ownedDirectory, IReadOnlyDictionary<string, Uri> ingresses, ILogger logger, IReadOnlyDictionary<string, string> identityKubeconfigs)
    {
        _identityKubeconfigs = identityKubeconfigs;
        var ingress = ingresses[topology.IngressContext];
        Topology = topology;
        _world = world;
        _certificates = certificates;
        _servers = servers;
        _kubeconfig = kubeconfig;
        _ownedDirectory = ownedDirectory;
        _logger = logger;
        KubeconfigPath = kubeconfigPath;
        ProductpageUrl = new Uri(ingress, "/productpage");
        EventsUrl = new Uri(ingress, "/lab/events");
        RequestsUrl = new Uri(ingress, "/lab/requests");
        Contexts = topology.Contexts.Select(c => c.Name).ToArray();
        Control = new LabControl(world);
        ProductpageUrls = world.IngressContexts.ToDictionary(c => c.Region!, c => new Uri(ingresses[c.Name], "/productpage"), StringComparer.Ordinal);
    }

    public LabTopology Topology { get; }

    /// <summary><c>http://127.0.0.1:{port}/productpage</c> on the primary ingress gateway (the topology's <c>ingress</c>).</summary>
    public Uri ProductpageUrl { get; }

    /// <summary>
    /// <c>/productpage</c> on each region's ingress gateway, by region (e.g. <c>cn-shanghai</c>): each gateway picks
    /// productpage from its own locality. The primary's is <see cref="ProductpageUrl"/>.
    /// </summary>
    public IReadOnlyDictionary<string, Uri> ProductpageUrls { get; }

    /// <summary>
    /// What <c>lab.env</c> holds: <c>KUBECONFIG</c>, <c>PRODUCTPAGE_URL</c> (the primary gateway),
    /// <c>PRODUCTPAGE_URL_{REGION}</c> per gateway (e.g. <c>PRODUCTPAGE_URL_CN_SHANGHAI</c>) and <c>LAB_EVENTS_URL</c>.
    /// </summary>
    public IReadOnlyDictionary<string, string> Variables => LabFiles.Variables(KubeconfigPath, ProductpageUrl, ProductpageUrls, EventsUrl);

    /// <summary><c>http://127.0.0.1:{port}/lab/events</c>.</summary>
    public Uri EventsUrl { get; }

    /// <summary><c>http://127.0.0.1:{port}/lab/requests</c>: the latest requests' per-hop records.</summary>
    public Uri RequestsUrl { get; }

    public string KubeconfigPath { get; }

    /// <summary>
    /// A kubeconfig with the same contexts as <see cref="KubeconfigPath"/> whose users are <paramref name="identity"/> (topology
    /// <c>identities:</c>): every request is limited to that identity's RBAC rules.
    /// </summary>
    /// <exception cref="ArgumentException">The topology declares no such identity.</exception>
    public string KubeconfigFor(string identity) =>
        _identityKubeconfigs.TryGetValue(identity, out var path) ? path : throw new ArgumentException($"the topology declares no identity '{identity}'", nameof(identity));

    /// <summary>The kube contexts, in topology order (e.g. ack-hangzhou, ack-shanghai, asm).</summary>
    public IReadOnlyList<string> Contexts { get; }

    /// <summary>A snapshot of the ground-truth timeline.</summary>
    public IReadOnlyList<LabEvent> Events => _world.Events.Snapshot();

    /// <summary>The most recent requests' hop records (up to 4096), oldest first.</summary>
    public IReadOnlyList<RequestRecord> Requests => _world.Requests.Snapshot();

    /// <summary>Runtime knobs.</summary>
    public LabControl Control { get; }

    /// <summary>The emulated state, for the Lab's own tests.</summary>
    internal LabWorld World => _world;

    /// <summary>Starts the Lab. Throws <see cref="ArgumentException"/> listing every problem of an invalid topology.</summary>
    public static async Task<LabHost> StartAsync(LabTopology topology, LabHostOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new LabHostOptions();
        var problems = topology.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("invalid Lab topology: " + string.Join("; ", problems), nameof(topology));
        }

        var loggerFactory = options.LoggerFactory ?? NullLoggerFactory.Instance;
        var logger = loggerFactory.CreateLogger("DrillBot.Lab");
        var certificates = LabCertificates.Create();
        var world = new LabWorld(topology, options.TimeProvider, options.Seed, logger);
        var servers = new List<WebApplication>();
        try
        {
            var endpoints = new List<(string Context, int Port, string Token)>();
            var identityEndpoints = topology.Identities.ToDictionary(i => i.Name, _ => new List<(string Context, int Port, string Token)>(), StringComparer.Ordinal);
            foreach (var context in world.Contexts)
            {
                var identityTokens = topology.Identities.ToDictionary(i => i.Name, _ => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24)), StringComparer.Ordinal);
                var api = new ApiServer(world, context, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24)), identityTokens, logger);
                var (app, port) = await KestrelServerFactory.StartAsync(api.HandleAsync, certificates.Server, options.LoggerFactory, cancellationToken).ConfigureAwait(false);
                servers.Add(app);
                api.Bind($"127.0.0.1:{port}");
                endpoints.Add((context.Name, port, api.Token));
                foreach (var (identity, token) in identityTokens)
                {
                    identityEndpoints[identity].Add((context.Name, port, token));
                }

                Log.ApiServerStarted(logger, context.Name, context.Region ?? "none (mesh control plane)", $"https://127.0.0.1:{port}");
            }

            var ingresses = new Dictionary<string, Uri>(StringComparer.Ordinal);
            foreach (var context in world.IngressContexts)
            {
                var ingress = new IngressServer(world, context, logger);
                var (ingressApp, ingressPort) = await KestrelServerFactory.StartAsync(ingress.HandleAsync, null, options.LoggerFactory, cancellationToken).ConfigureAwait(false);
                servers.Add(ingressApp);
                ingresses[context.Name] = new Uri($"http://127.0.0.1:{ingressPort}");
                Log.IngressStarted(logger, $"{ingresses[context.Name]} ({context.Name}, {context.Region})");
            }

            var owned = options.Directory is null ? Directory.CreateTempSubdirectory("drillbot-lab-").FullName : null;
            var directory = Path.GetFullPath(options.Directory ?? owned!);
            Directory.CreateDirectory(directory);
            var kubeconfig = LabFiles.Kubeconfig(endpoints, certificates.AuthorityPem, topology.Namespace, topology.IngressContext);
            var kubeconfigPath = Path.Combine(directory, "kubeconfig");
            await LabFiles.WriteAtomicallyAsync(kubeconfigPath, kubeconfig, cancellationToken).ConfigureAwait(false);
            var identityKubeconfigs = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (identity, identityServers) in identityEndpoints)
            {
                var path = Path.Combine(directory, $"kubeconfig-{identity}");
                await LabFiles.WriteAtomicallyAsync(path, LabFiles.Kubeconfig(identityServers, certificates.AuthorityPem, topology.Namespace, topology.IngressContext, identity), cancellationToken).ConfigureAwait(false);
                identityKubeconfigs[identity] = path;
            }

            return new LabHost(topology, world, certificates, servers, kubeconfig, kubeconfigPath, owned, ingresses, logger, identityKubeconfigs);
        }
        catch
        {
            foreach (var server in servers)
            {
                await server.DisposeAsync().ConfigureAwait(false);
            }

            world.Dispose();
            certificates.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The stored object as canonical JSON (what a GET of the preferred version returns: keys sorted, Istio
    /// objects as <c>networking.istio.io/v1</c>), or null when absent.
    /// </summary>
    /// <param name="context">Kube context.</param>
    /// <param name="kind">"Deployment", "DestinationRule", "VirtualService", "Gateway", "EnvoyFilter" or "Lease".</param>
    /// <param name="namespace">Namespace.</param>
    /// <param name="name">Object name.</param>
    public string? GetObjectJson(string context, string kind, string @namespace, string name)
    {
        var state = _world.FindContext(context);
        if (state is null)
        {
            return null;
        }

        lock (_world.Gate)
        {
            _world.Begin(_world.Time.GetUtcNow());
            var obj = state.Store.Get(kind, @namespace, name);
            if (obj is null)
            {
                return null;
            }

            if (kind is IstioKinds.DestinationRule or IstioKinds.VirtualService or IstioKinds.Gateway or IstioKinds.EnvoyFilter)
            {
                // As a GET of the preferred version (networking.istio.io/v1; EnvoyFilter v1alpha3) returns it.
                obj = (System.Text.Json.Nodes.JsonObject)obj.DeepClone();
                obj["apiVersion"] = IstioKinds.PreferredApiVersion(kind);
            }

            return CanonicalJson.Serialize(obj);
        }
    }

    /// <summary>Writes kubeconfig, lab.env and, last, lab.json into <paramref name="directory"/>.</summary>
    public Task WriteFilesAsync(string directory, CancellationToken cancellationToken = default) =>
        LabFiles.WriteAllAsync(directory, _kubeconfig, ProductpageUrl, ProductpageUrls, EventsUrl, Contexts, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _world.Stop();
        foreach (var server in _servers)
        {
            await server.StopAsync(CancellationToken.None).ConfigureAwait(false);
            await server.DisposeAsync().ConfigureAwait(false);
        }

        _world.Dispose();
        _certificates.Dispose();
        if (_ownedDirectory is not null)
        {
            try
            {
                Directory.Delete(_ownedDirectory, recursive: true);
            }
            catch (IOException)
            {
                // best effort: a temp directory
            }
        }

        Log.Stopped(_logger);
    }
}
