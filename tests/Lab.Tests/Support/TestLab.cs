using System.Net;
using System.Text.RegularExpressions;
using k8s;
using Microsoft.Extensions.Time.Testing;

namespace DrillBot.Lab.Tests;

/// <summary>A Lab on a fake clock, with an HTTP client for the ingress and KubernetesClient per context.</summary>
internal sealed partial class TestLab : IAsyncDisposable
{
    private readonly Dictionary<string, Kubernetes> _clients = [];

    private TestLab(LabHost host, FakeTimeProvider time)
    {
        Host = host;
        Time = time;
        Http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
    }

    public LabHost Host { get; }

    public FakeTimeProvider Time { get; }

    public HttpClient Http { get; }

    /// <summary>Short, distinct delays so tests can step through every phase with the fake clock.</summary>
    public static LabTopology Fast(LabTopology? topology = null) => (topology ?? LabTopology.Default) with
    {
        Timing = new LabTiming
        {
            PodStartDelay = TimeSpan.FromMilliseconds(500),
            PodStopDelay = TimeSpan.FromMilliseconds(800),
            EndpointPropagationDelay = TimeSpan.FromMilliseconds(200),
            EndpointRemovalDelay = TimeSpan.FromMilliseconds(200),
            ConnectionSetupLatency = TimeSpan.Zero,
        },
    };

    public static async Task<TestLab> StartAsync(LabTopology? topology = null, int seed = 1)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 4, 5, 6, 7, TimeSpan.Zero));
        var host = await LabHost.StartAsync(topology ?? Fast(), new LabHostOptions { TimeProvider = time, Seed = seed });
        return new TestLab(host, time);
    }

    public Kubernetes Kube(string context)
    {
        if (!_clients.TryGetValue(context, out var client))
        {
            var config = KubernetesClientConfiguration.BuildConfigFromConfigFile(Host.KubeconfigPath, context);
            client = new Kubernetes(config);
            _clients[context] = client;
        }

        return client;
    }

    /// <summary>Sends a raw request to a context's API server with its kubeconfig credentials (for bodies clients refuse to send).</summary>
    public async Task<(HttpStatusCode Status, string Body)> RawApiAsync(string context, HttpMethod method, string path, string? contentType = null,
        string? body = null, string? token = null)
    {
        var config = KubernetesClientConfiguration.BuildConfigFromConfigFile(Host.KubeconfigPath, context);
        using var handler = TrustingHandler(config);
        using var client = new HttpClient(handler);
        using var request = new HttpRequestMessage(method, new Uri(new Uri(config.Host), path));
        if (token != "")
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token ?? config.AccessToken);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body);
            request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType ?? "application/json");
        }

        using var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Opens a streaming GET (a watch) with the context's credentials and returns its first <paramref name="count"/> lines.</summary>
    public async Task<IReadOnlyList<string>> ReadLinesAsync(string context, string path, int count)
    {
        var config = KubernetesClientConfiguration.BuildConfigFromConfigFile(Host.KubeconfigPath, context);
        using var handler = TrustingHandler(config);
        using var client = new HttpClient(handler);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(new Uri(config.Host), path));
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", config.AccessToken);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cts.Token);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cts.Token));
        var lines = new List<string>();
        while (lines.Count < count && await reader.ReadLineAsync(cts.Token) is { } line)
        {
            lines.Add(line);
        }

        return lines;
    }

    /// <summary>An HTTP handler that trusts the Lab's CA (from the kubeconfig).</summary>
    private static HttpClientHandler TrustingHandler(KubernetesClientConfiguration config)
    {
        var ca = config.SslCaCerts[0];
        return new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, cert, _, _) =>
            {
                using var chain = new System.Security.Cryptography.X509Certificates.X509Chain();
                chain.ChainPolicy.TrustMode = System.Security.Cryptography.X509Certificates.X509ChainTrustMode.CustomRootTrust;
                chain.ChainPolicy.CustomTrustStore.Add(ca);
                chain.ChainPolicy.RevocationMode = System.Security.Cryptography.X509Certificates.X509RevocationMode.NoCheck;
                return cert is not null && chain.Build(cert);
            },
        };
    }

    /// <summary>GETs /productpage: (HTTP status, body, reviews pod that served it or null) from the Lab's ground-truth headers.</summary>
    public async Task<(HttpStatusCode Status, string Body, string? Pod)> ProductpageAsync()
    {
        var (status, body, _, reviews) = await RequestAsync();
        return (status, body, reviews);
    }

    /// <summary>GETs /productpage (on <paramref name="via"/>, default the primary ingress): status, body, and the productpage and reviews pods the Lab says served it.</summary>
    public async Task<(HttpStatusCode Status, string Body, string? Productpage, string? Reviews)> RequestAsync(Uri? via = null)
    {
        using var response = await Http.GetAsync(via ?? Host.ProductpageUrl);
        var body = await response.Content.ReadAsStringAsync();
        static string? Header(HttpResponseMessage r, string name) =>
            r.Headers.TryGetValues(name, out var v) && v.First() is var s && s != "none" ? s : null;
        return (response.StatusCode, body, Header(response, "x-lab-productpage"), Header(response, "x-lab-reviews"));
    }

    /// <summary>Counts (productpage region, reviews version) over <paramref name="requests"/> pages.</summary>
    public async Task<Dictionary<(string Productpage, string Reviews), int>> CountPathsAsync(int requests, Uri? via = null)
    {
        var counts = new Dictionary<(string, string), int>();
        for (var i = 0; i < requests; i++)
        {
            var (_, _, productpage, reviews) = await RequestAsync(via);
            var pp = productpage is null ? "none" : RegionOf(productpage);
            var key = (pp, reviews is null ? "sorry" : reviews[..reviews.IndexOf('-', "reviews-".Length)]);
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }

        return counts;
    }

    /// <summary>The region of a live pod (Lab ground truth).</summary>
    public string RegionOf(string pod)
    {
        lock (Host.World.Gate)
        {
            return Host.World.Pods.Live.First(p => p.Name == pod).Context.Region ?? "";
        }
    }

    /// <summary>The served-by line the modern template prints (the 1.16.2 page has none).</summary>
    public static string? ServedByLine(string body) => ServedBy().Match(body) is { Success: true } m ? m.Groups[1].Value : null;

    /// <summary>Counts which reviews version served each of <paramref name="requests"/> pages ("sorry" when none).</summary>
    public async Task<Dictionary<string, int>> CountVersionsAsync(int requests)
    {
        var counts = new Dictionary<string, int>();
        for (var i = 0; i < requests; i++)
        {
            var (_, _, pod) = await ProductpageAsync();
            var key = pod is null ? "sorry" : pod[..pod.IndexOf('-', "reviews-".Length)];
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }

        return counts;
    }

    /// <summary>GETs <c>/lab/requests</c> over HTTP (the ground truth per hop), optionally only records after <paramref name="afterId"/>.</summary>
    public async Task<List<System.Text.Json.Nodes.JsonObject>> RequestsAsync(long afterId = 0)
    {
        var body = await Http.GetStringAsync(new Uri(Host.RequestsUrl, $"?after={afterId}"));
        return System.Text.Json.Nodes.JsonNode.Parse(body)!.AsArray().OfType<System.Text.Json.Nodes.JsonObject>().ToList();
    }

    public IEnumerable<LabEvent> EventsOf(string kind) => Host.Events.Where(e => e.Kind == kind);

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }

        Http.Dispose();
        await Host.DisposeAsync();
    }

    [GeneratedRegex(@"Reviews served by:\s*(?:</dt>)?\s*<(?:u|span class=""font-mono"")>([^<]+)<")]
    private static partial Regex ServedBy();
}
