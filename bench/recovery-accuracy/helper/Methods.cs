namespace DrillBot.Bench.RecoveryAccuracy;

/// <summary>The three methods, in table order.</summary>
internal static class Methods
{
    public const string DrillBot = "drillbot";
    public const string Blackbox = "blackbox";
    public const string Loop = "loop";

    public static IReadOnlyList<string> All { get; } = [DrillBot, Blackbox, Loop];

    public static string Title(string method) => method switch
    {
        DrillBot => "DrillBot (`drillbot run`)",
        Blackbox => "blackbox_exporter + Prometheus",
        _ => "curl loop (`curl \\| grep -c`)",
    };

    public static string Short(string method) => method switch
    {
        DrillBot => "DrillBot",
        Blackbox => "blackbox_exporter",
        _ => "curl loop",
    };
}
