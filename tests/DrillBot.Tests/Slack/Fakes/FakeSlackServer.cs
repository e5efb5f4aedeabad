using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DrillBot.Tests.Slack.Fakes;

/// <summary>
/// A stand-in for Slack on a loopback port (Kestrel, port 0): the Web API under <see cref="ApiBase"/>
/// (<c>chat.postMessage</c>, <c>chat.update</c>, <c>apps.connections.open</c>, <c>usergroups.list</c>,
/// <c>usergroups.users.list</c>), response URLs under
/// <c>/hooks/…</c>, and Socket Mode WebSockets under <c>/socket/N</c>. It records every call (times
/// on the injected clock), answers <c>ok</c> with a fresh <c>ts</c> unless a scripted answer is queued
/// (<see cref="Enqueue"/>) or <see cref="Outage"/> says otherwise. Reusable by end-to-end tests.
/// </summary>
public sealed class FakeSlackServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly TimeProvider clock;
    private readonly Lock gate = new();
    private readonly List<RecordedCall> calls = [];
    private readonly Queue<(string? Method, FakeSlackResponse Response)> scripted = new();
    private readonly Channel<FakeSocketConnection> sockets = Channel.CreateUnbounded<FakeSocketConnection>();
    private long tsCounter;
    private long sequence;
    private int socketCount;

    private FakeSlackServer(WebApplication app, TimeProvider clock)
    {
        this.app = app;
        this.clock = clock;
    }

    /// <summary>Base address of the Web API (ends with <c>/api/</c>): pass it as SLACK_API_BASE.</summary>
    public Uri ApiBase { get; private set; } = null!;

    /// <summary>
    /// The workspace's user groups for <c>usergroups.list</c> and <c>usergroups.users.list</c>: handle (without @) →
    /// (group ID, member user IDs). Those calls are form-encoded, as Slack's read methods are; their fields are recorded
    /// as the call's <see cref="RecordedCall.Body"/>.
    /// </summary>
    public Dictionary<string, (string Id, string[] Members)> UserGroups { get; } = new(StringComparer.Ordinal);

    /// <summary>When set, decides the answer to every call for which no scripted answer is queued (null → normal answer).</summary>
    public Func<string, FakeSlackResponse?>? Outage { get; set; }

    /// <summary>Every call so far, in arrival order.</summary>
    public IReadOnlyList<RecordedCall> Calls
    {
        get
        {
            lock (gate)
            {
                return calls.ToList();
            }
        }
    }

    public static async Task<FakeSlackServer> StartAsync(TimeProvider? clock = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new FakeSlackServer(app, clock ?? TimeProvider.System);
        app.UseWebSockets();
        app.MapPost("/api/{method}", (HttpContext context, string method) => server.AnswerAsync(context, method));
        app.MapPost("/hooks/{id}", (HttpContext context) => server.AnswerAsync(context, "response_url"));
        app.Map("/socket/{n}", server.AcceptSocketAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.ApiBase = new Uri(address.TrimEnd('/') + "/api/");
        return server;
    }

    /// <summary>A response_url on this server.</summary>
    public Uri ResponseUrl(string id) => new(ApiBase, "/hooks/" + id);

    /// <summary>Queues an answer for the next call of <paramref name="method"/> (null: any method).</summary>
    public void Enqueue(FakeSlackResponse response, string? method = null)
    {
        lock (gate)
        {
            scripted.Enqueue((method, response));
        }
    }

    /// <summary>Waits up to 10 s (real time) for the n-th Socket Mode connection (1-based order of arrival).</summary>
    public async Task<FakeSocketConnection> NextSocketAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await sockets.Reader.ReadAsync(cts.Token);
    }

    /// <summary>Waits up to 10 s (real time) until <paramref name="condition"/> holds for the recorded calls.</summary>
    public async Task WaitForCallsAsync(Func<IReadOnlyList<RecordedCall>, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition(Calls))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"condition not met; calls: {string.Join(", ", Calls.Select(c => c.Method + ":" + c.StatusCode))}");
            }

            await Task.Delay(10);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task AnswerAsync(HttpContext context, string method)
    {
        using var reader = new StreamReader(context.Request.Body);
        var text = await reader.ReadToEndAsync();
        JsonObject? body = null;
        if (context.Request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.Ordinal) == true)
        {
            body = [];
            foreach (var (name, value) in DrillBot.Slack.Commands.FormBody.Parse(text))
            {
                body[name] = value;
            }
        }
        else
        {
            try
            {
                body = JsonNode.Parse(text) as JsonObject;
            }
            catch (JsonException)
            {
                // recorded as non-JSON
            }
        }

        var authorization = context.Request.Headers.Authorization.ToString();
        var answer = Decide(method) ?? Normal(method, body, authorization);
        var ts = answer.Body?["ts"]?.GetValue<string>();
        var ok = answer.StatusCode == 200 && (method == "response_url" ? answer.Body is null : answer.Body?["ok"]?.GetValue<bool>() == true);
        lock (gate)
        {
            calls.Add(new RecordedCall(method, context.Request.Path, authorization, context.Request.ContentType, body, clock.GetUtcNow(), answer.StatusCode, ok, ts));
        }

        context.Response.StatusCode = answer.StatusCode;
        if (answer.RetryAfter is { } after)
        {
            context.Response.Headers.RetryAfter = ((int)after.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        }

        if (answer.Body is not null)
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.WriteAsync(answer.Body.ToJsonString());
        }
        else
        {
            await context.Response.WriteAsync(answer.Text ?? "ok");
        }
    }

    private FakeSlackResponse? Decide(string method)
    {
        lock (gate)
        {
            if (scripted.Count > 0 && (scripted.Peek().Method is null || scripted.Peek().Method == method))
            {
                return scripted.Dequeue().Response;
            }
        }

        return Outage?.Invoke(method);
    }

    private FakeSlackResponse Normal(string method, JsonObject? body, string authorization)
    {
        switch (method)
        {
            case "response_url":
                return new FakeSlackResponse(200, Text: "ok");
            case "apps.connections.open":
                if (!authorization.StartsWith("Bearer xapp-", StringComparison.Ordinal))
                {
                    return FakeSlackResponse.SlackError("not_allowed_token_type");
                }

                var n = Interlocked.Increment(ref socketCount);
                var ws = new UriBuilder(ApiBase) { Scheme = "ws", Path = "/socket/" + n.ToString(CultureInfo.InvariantCulture) }.Uri;
                return new FakeSlackResponse(200, new JsonObject { ["ok"] = true, ["url"] = ws.ToString() });
            case "chat.postMessage" or "chat.update":
                if (!authorization.StartsWith("Bearer xoxb-", StringComparison.Ordinal))
                {
                    return FakeSlackResponse.SlackError("invalid_auth");
                }

                var channel = body?["channel"]?.GetValue<string>() ?? "";
                if (channel.Length == 0)
                {
                    return FakeSlackResponse.SlackError("channel_not_found");
                }

                var ts = method == "chat.update"
                    ? body?["ts"]?.GetValue<string>() ?? ""
                    : $"1700000000.{Interlocked.Increment(ref tsCounter):D6}";
                return new FakeSlackResponse(200, new JsonObject { ["ok"] = true, ["channel"] = channel.TrimStart('#'), ["ts"] = ts });
            case "usergroups.list" or "usergroups.users.list" when !authorization.StartsWith("Bearer xoxb-", StringComparison.Ordinal):
                return FakeSlackResponse.SlackError("invalid_auth");
            case "usergroups.list":
                lock (gate)
                {
                    var groups = new JsonArray([.. UserGroups.Select(g => (JsonNode?)new JsonObject { ["id"] = g.Value.Id, ["handle"] = g.Key, ["name"] = g.Key })]);
                    return new FakeSlackResponse(200, new JsonObject { ["ok"] = true, ["usergroups"] = groups });
                }

            case "usergroups.users.list":
                lock (gate)
                {
                    var id = body?["usergroup"]?.GetValue<string>();
                    var group = UserGroups.Values.FirstOrDefault(g => g.Id == id);
                    return group.Id is null
                        ? FakeSlackResponse.SlackError("no_such_subteam")
                        : new FakeSlackResponse(200, new JsonObject { ["ok"] = true, ["users"] = new JsonArray([.. group.Members.Select(m => (JsonNode?)JsonValue.Create(m))]) });
                }

            default:
                return FakeSlackResponse.SlackError("unknown_method");
        }
    }

    private async Task AcceptSocketAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var number = int.Parse((string)context.Request.RouteValues["n"]!, CultureInfo.InvariantCulture);
        var connection = new FakeSocketConnection(number, socket, Interlocked.Increment(ref sequence));
        var running = connection.RunAsync(() => Interlocked.Increment(ref sequence));
        sockets.Writer.TryWrite(connection);
        await running;
    }
}
