using System.Net;
using System.Net.Sockets;

namespace DrillBot.Bench.RecoveryAccuracy;

/// <summary>Asks the kernel for a free loopback port (port 0) and prints it.</summary>
internal static class FreePort
{
    public static int Print()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        Console.WriteLine(((IPEndPoint)listener.LocalEndpoint).Port);
        listener.Stop();
        return 0;
    }
}
