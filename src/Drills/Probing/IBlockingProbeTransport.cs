namespace DrillBot.Drills.Probing;

/// <summary>
/// A transport that can also send synchronously on the calling thread: the prober's sender threads then block in the
/// socket (woken by the kernel when the answer arrives) instead of hopping through thread-pool continuations. Same
/// contract as <see cref="IProbeTransport.SendAsync"/>: never throws for network errors.
/// </summary>
internal interface IBlockingProbeTransport : IProbeTransport
{
    ProbeResponse Send(Uri url, TimeSpan timeout);
}
