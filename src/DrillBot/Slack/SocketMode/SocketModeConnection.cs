using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace DrillBot.Slack.SocketMode;

/// <summary>
/// One Socket Mode WebSocket. Its receive loop hands envelopes to a callback and completes
/// <see cref="Hello"/> and <see cref="Ended"/>: the first <c>disconnect</c> reason, or <c>dropped</c>/<c>closed</c>.
/// Envelopes keep flowing after a <c>disconnect</c> until the socket is closed.
/// </summary>
internal sealed class SocketModeConnection : IAsyncDisposable
{
    private readonly ClientWebSocket socket;
    private readonly Func<SocketModeConnection, Envelope, Task> onEnvelope;
    private readonly int maxMessageBytes;
    private readonly SemaphoreSlim sendLock = new(1, 1);
    private readonly CancellationTokenSource stop = new();
    private readonly TaskCompletionSource hello = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<string> ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task receiving = Task.CompletedTask;

    public SocketModeConnection(int number, ClientWebSocket socket, Func<SocketModeConnection, Envelope, Task> onEnvelope, int maxMessageBytes)
    {
        Number = number;
        this.socket = socket;
        this.onEnvelope = onEnvelope;
        this.maxMessageBytes = maxMessageBytes;
    }

    public int Number { get; }

    public Task Hello => hello.Task;

    /// <summary>Completes with <c>refresh_requested</c>, <c>warning</c>, <c>link_disabled</c> (or another disconnect reason), <c>closed</c> or <c>dropped: …</c>.</summary>
    public Task<string> Ended => ended.Task;

    public async Task StartAsync(Uri url, CancellationToken cancellationToken)
    {
        await socket.ConnectAsync(url, cancellationToken).ConfigureAwait(false);
        receiving = Task.Run(ReceiveLoopAsync, CancellationToken.None);
    }

    public async Task AcknowledgeAsync(Acknowledge ack)
    {
        var bytes = Encoding.UTF8.GetBytes(ack.ToJson());
        await sendLock.WaitAsync(stop.Token).ConfigureAwait(false);
        try
        {
            await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, stop.Token).ConfigureAwait(false);
        }
        finally
        {
            sendLock.Release();
        }
    }

    /// <summary>Closes politely (bounded by <paramref name="timeout"/>), then aborts.</summary>
    public async Task CloseAsync(TimeSpan timeout, TimeProvider time)
    {
        using var bounded = new CancellationTokenSource(timeout, time);
        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", bounded.Token).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // closing a broken socket: nothing left to do but abort
        }

        await stop.CancelAsync().ConfigureAwait(false);
        socket.Abort();
        await receiving.ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync().ConfigureAwait(false);
        socket.Abort();
        await receiving.ConfigureAwait(false);
        socket.Dispose();
        sendLock.Dispose();
        stop.Dispose();
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var result = await socket.ReceiveAsync(buffer, stop.Token).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    ended.TrySetResult("closed");
                    return;
                }

                message.Write(buffer, 0, result.Count);
                if (message.Length > maxMessageBytes)
                {
                    ended.TrySetResult("dropped: message too large");
                    return;
                }

                if (result.EndOfMessage)
                {
                    await DispatchAsync(message.ToArray()).ConfigureAwait(false);
                    message.SetLength(0);
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException or IOException)
        {
            ended.TrySetResult("dropped: " + e.GetType().Name);
        }
        finally
        {
            ended.TrySetResult("closed");
        }
    }

    private async Task DispatchAsync(byte[] utf8)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(utf8);
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return; // not JSON: ignore, Slack will redeliver anything that mattered
        }

        var type = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        if (type == "hello")
        {
            hello.TrySetResult();
        }
        else if (type == "disconnect")
        {
            var reason = root.TryGetProperty("reason", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
            ended.TrySetResult(string.IsNullOrEmpty(reason) ? "warning" : reason);
        }
        else if (Envelope.TryRead(root) is { } envelope)
        {
            await onEnvelope(this, envelope).ConfigureAwait(false);
        }
    }
}
