using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace DrillBot.Tests.Slack.Fakes;

/// <summary>The server side of one Socket Mode connection to <see cref="FakeSlackServer"/>.</summary>
public sealed class FakeSocketConnection
{
    private readonly WebSocket socket;
    private readonly Channel<JsonObject> received = Channel.CreateUnbounded<JsonObject>();
    private readonly TaskCompletionSource<long> closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim sendLock = new(1, 1);

    internal FakeSocketConnection(int number, WebSocket socket, long openedSequence)
    {
        Number = number;
        this.socket = socket;
        OpenedSequence = openedSequence;
    }

    public int Number { get; }

    /// <summary>Position of the "opened" event in the server's event order.</summary>
    public long OpenedSequence { get; }

    /// <summary>Completes with the position of the "closed" event once the client closed or the socket broke.</summary>
    public Task<long> Closed => closed.Task;

    /// <summary>Sends a JSON message (an envelope, a disconnect…).</summary>
    public async Task SendAsync(JsonObject message)
    {
        await sendLock.WaitAsync();
        try
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);
        }
        finally
        {
            sendLock.Release();
        }
    }

    /// <summary>Sends Slack's <c>disconnect</c> message.</summary>
    public Task SendDisconnectAsync(string reason) =>
        SendAsync(new JsonObject { ["type"] = "disconnect", ["reason"] = reason, ["debug_info"] = new JsonObject { ["host"] = "fake" } });

    /// <summary>Breaks the connection without a close handshake.</summary>
    public void Drop() => socket.Abort();

    /// <summary>The next message the client sent (an ack), waiting up to 10 s.</summary>
    public async Task<JsonObject> ReceiveAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await received.Reader.ReadAsync(cts.Token);
    }

    internal async Task RunAsync(Func<long> nextSequence)
    {
        await SendAsync(new JsonObject { ["type"] = "hello", ["num_connections"] = 1, ["connection_info"] = new JsonObject { ["app_id"] = "A0FAKE" } });
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer, CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    closed.TrySetResult(nextSequence());
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
                    return;
                }

                if (JsonNode.Parse(Encoding.UTF8.GetString(buffer, 0, result.Count)) is JsonObject json)
                {
                    received.Writer.TryWrite(json);
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException or IOException)
        {
            closed.TrySetResult(nextSequence());
        }
    }
}
