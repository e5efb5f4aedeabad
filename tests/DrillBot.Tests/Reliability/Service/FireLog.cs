using System.Globalization;
using System.Text.RegularExpressions;

namespace DrillBot.Tests.Reliability.Service;

/// <summary>
/// The schedule fires a serve replica logged: <c>scheduled fire of D at T started run R</c> (ServiceLog 5207) or
/// <c>scheduled fire of D at T did not run: REASON</c> (5204: busy, blackout, missed while no scheduler ran).
/// </summary>
internal static partial class FireLog
{
    public sealed record Fire(string Replica, string Drill, DateTimeOffset At, string? RunId, string? SkipReason);

    [GeneratedRegex(@"scheduled fire of (\S+) at (\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ) (?:started run (\S+)|did not run: (.*))$")]
    private static partial Regex Line();

    public static IReadOnlyList<Fire> Of(ServeProcess replica) =>
        replica.LogLines
            .Select(l => Line().Match(l.TrimEnd('\r')))
            .Where(m => m.Success)
            .Select(m => new Fire(
                replica.InstanceId,
                m.Groups[1].Value,
                DateTimeOffset.ParseExact(m.Groups[2].Value, "yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
                m.Groups[3].Success ? m.Groups[3].Value : null,
                m.Groups[4].Success ? m.Groups[4].Value : null))
            .ToList();

    public static IReadOnlyList<Fire> Of(IEnumerable<ServeProcess> replicas) => replicas.SelectMany(Of).OrderBy(f => f.At).ToList();
}
