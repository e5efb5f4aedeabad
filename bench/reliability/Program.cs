using DrillBot.Bench.Reliability;

// ReliabilityBench kills  DRILLBOT LAB_DIR WORK_DIR REPEAT   kill points: SIGKILL then `drillbot restore`; SIGTERM
// ReliabilityBench faults DRILLBOT LAB_DIR WORK_DIR RUNS     runs of reviews-failover against a Lab failing 20 % of API calls
if (args.Length != 5 || args[0] is not ("kills" or "faults"))
{
    Console.Error.WriteLine("usage: ReliabilityBench kills|faults DRILLBOT LAB_DIR WORK_DIR COUNT");
    return 2;
}

var bench = await Bench.CreateAsync(args[1], args[2], args[3]);
var count = int.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture);
return args[0] == "kills" ? await KillBench.RunAsync(bench, count) : await FaultBench.RunAsync(bench, count);
