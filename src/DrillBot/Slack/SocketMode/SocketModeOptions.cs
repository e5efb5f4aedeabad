namespace DrillBot.Slack.SocketMode;

/// <summary>Socket Mode settings.</summary>
/// <param name="AppToken">App-level token (<c>xapp-…</c>, scope <c>connections:write</c>).</param>
public sealed record SocketModeOptions(string AppToken)
{
    /// <summary>First reconnect delay after a drop; doubles up to <see cref="ReconnectMaxDelay"/>.</summary>
    public TimeSpan ReconnectBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan ReconnectMaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>A new connection that sends no <c>hello</c> within this time is given up.</summary>
    public TimeSpan HelloTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How many envelope IDs are remembered to drop redeliveries.</summary>
    public int DedupeCapacity { get; init; } = 2000;

    /// <summary>Largest message accepted from Slack.</summary>
    public int MaxMessageBytes { get; init; } = 1024 * 1024;

    public override string ToString() => "SocketModeOptions { AppToken = *** }";
}
