namespace DrillBot.Drills.Probing;

/// <summary>Sends one probe request. Implementations never throw for network errors: they answer <see cref="ProbeResponse.Error"/>.</summary>
public interface IProbeTransport
{
    Task<ProbeResponse> SendAsync(Uri url, TimeSpan timeout, CancellationToken cancellationToken);
}
