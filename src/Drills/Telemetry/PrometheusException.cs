namespace DrillBot.Drills.Telemetry;

/// <summary>Prometheus did not answer a query: unreachable, timed out, an HTTP error, or a PromQL error. The message is one line.</summary>
public sealed class PrometheusException : Exception
{
    public PrometheusException()
    {
    }

    public PrometheusException(string message)
        : base(message)
    {
    }

    public PrometheusException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
