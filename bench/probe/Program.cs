using DrillBot.Bench;

// ProbeBench rate <productpageUrl> <seconds> <rate>...   probe schedule accuracy and CPU per 1,000 samples
// ProbeBench recovery <drills.yaml> <runs>               recovery time vs the Lab's ground truth (env: KUBECONFIG, PRODUCTPAGE_URL, LAB_EVENTS_URL)
return args.FirstOrDefault() switch
{
    "rate" => await RateBench.RunAsync(new Uri(args[1]), TimeSpan.FromSeconds(double.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture)), args.Skip(3).Select(int.Parse).ToList()),
    "null" => await NullBench.RunAsync(new Uri(args[1]), int.Parse(args[2])),
    "recovery" => await RecoveryBench.RunAsync(args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture)),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: ProbeBench rate URL SECONDS RATE... | ProbeBench recovery DRILLS_YAML RUNS");
    return 2;
}
