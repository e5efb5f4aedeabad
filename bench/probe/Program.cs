using System.Globalization;
using DrillBot.Bench;

// ProbeBench rate URL SECONDS RATE...                  probe schedule accuracy, CPU per 1,000 samples and where it goes
// ProbeBench clients URL SECONDS REPEATS LOOP RATE...  CPU per 1,000 requests: prober vs hey side by side, then wrk and the curl loop (LOOP = bench/recovery-accuracy/loop.sh)
// ProbeBench concurrent URL SECONDS PROBERS RATE       PROBERS probers at RATE each in one process: late samples, jitter, CPU
// ProbeBench wakeup                                    CPU per timed wake-up of one thread on this machine
// ProbeBench soak DRILLBOT DRILLS_YAML OUT_DIR         a long `drillbot run reviews-failover`: RSS growth, report size
// ProbeBench recovery DRILLS_YAML RUNS                 recovery time vs the Lab's ground truth (env: KUBECONFIG, PRODUCTPAGE_URL, LAB_EVENTS_URL)
return args.FirstOrDefault() switch
{
    "rate" when args.Length >= 4 => await RateBench.RunAsync(new Uri(args[1]), Seconds(args[2]), args[3..].Select(Int).ToList()),
    "clients" when args.Length >= 6 => await ClientsBench.RunAsync(new Uri(args[1]), Seconds(args[2]), Int(args[3]), args[5..].Select(Int).ToList(), args[4]),
    "concurrent" when args.Length == 5 => await ConcurrentBench.RunAsync(new Uri(args[1]), Seconds(args[2]), Int(args[3]), Int(args[4])),
    "wakeup" => WakeupCost.Run(),
    "soak" when args.Length == 4 => await SoakBench.RunAsync(args[1], args[2], args[3]),
    "recovery" when args.Length == 3 => await RecoveryBench.RunAsync(args[1], Int(args[2])),
    _ => Usage(),
};

static TimeSpan Seconds(string s) => TimeSpan.FromSeconds(double.Parse(s, CultureInfo.InvariantCulture));

static int Int(string s) => int.Parse(s, CultureInfo.InvariantCulture);

static int Usage()
{
    Console.Error.WriteLine("usage: ProbeBench rate URL SECONDS RATE... | clients URL SECONDS REPEATS LOOP_SCRIPT RATE... | concurrent URL SECONDS PROBERS RATE | wakeup | soak DRILLBOT DRILLS_YAML OUT_DIR | recovery DRILLS_YAML RUNS");
    return 2;
}
