using System.Globalization;
using DrillBot.Bench.RecoveryAccuracy;

// RecoveryAccuracy free-port                                 a free loopback TCP port
// RecoveryAccuracy wait-routable EVENTS_URL REGION SECONDS   until REGION's reviews endpoints are back in the routing set
// RecoveryAccuracy timings CONFIG                            the reviews-failover timings the run will use (validates CONFIG)
// RecoveryAccuracy analyze RUN_DIR CONFIG                    RUN_DIR/result.json from the run's files (see run.sh)
// RecoveryAccuracy summarize OUT_DIR TEMPLATE DOC SVG        the docs section (replaced or appended in DOC) and the plot
try
{
    return await RunAsync(args);
}
catch (Exception e) when (e is IOException or InvalidDataException or System.Text.Json.JsonException or HttpRequestException or FormatException or InvalidOperationException)
{
    Console.Error.WriteLine($"RecoveryAccuracy {args.FirstOrDefault()}: {e.Message}");
    return 1;
}

static async Task<int> RunAsync(string[] args) => args.FirstOrDefault() switch
{
    "free-port" when args.Length == 1 => FreePort.Print(),
    "wait-routable" when args.Length == 4 => await RoutingWait.RunAsync(new Uri(args[1]), args[2], TimeSpan.FromSeconds(double.Parse(args[3], CultureInfo.InvariantCulture))),
    "timings" when args.Length == 2 => DrillTimings.Print(args[1]),
    "analyze" when args.Length == 3 => RunAnalyzer.Run(args[1], args[2]),
    "summarize" when args.Length == 5 => SummaryWriter.Run(args[1], args[2], args[3], args[4]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: RecoveryAccuracy free-port | wait-routable EVENTS_URL REGION SECONDS | timings CONFIG | analyze RUN_DIR CONFIG | summarize OUT_DIR TEMPLATE DOC SVG");
    return 2;
}
