using System.Globalization;
using DrillBot.Drills.Definitions;

namespace DrillBot.Drills.Scheduling;

/// <summary>
/// The one-line refusal of a run inside a blackout: which window, when it ends (in the drill's time zone and
/// UTC) and how to override it, e.g. <c>refused: blackout release-freeze-evenings until 23:59 Asia/Shanghai
/// (15:59 UTC); to run anyway: --override-blackout "why"</c>.
/// </summary>
public static class BlackoutRefusal
{
    /// <summary>How to override from the CLI.</summary>
    public const string CliFlag = "--override-blackout \"why\"";

    /// <summary>How to override in the API's run request.</summary>
    public const string ApiField = "\"overrideBlackout\": \"why\"";

    public static string Text(BlackoutDefinition blackout, DateTimeOffset now, TimeZoneInfo zone, string howToOverride) =>
        $"refused: blackout {blackout.Name} {Until(blackout, now, zone)}; to run anyway: {howToOverride}";

    /// <summary><c>until 23:59 Asia/Shanghai (15:59 UTC)</c>: the last covered minute; the date too when not today.</summary>
    public static string Until(BlackoutDefinition blackout, DateTimeOffset now, TimeZoneInfo zone)
    {
        if (BlackoutCalendar.EndOf(blackout, now) is not { } end)
        {
            return "with no end";
        }

        var last = end.AddSeconds(-1);
        var local = TimeZoneInfo.ConvertTime(last, zone);
        var utc = last.ToUniversalTime();
        var sameDay = local.Date == TimeZoneInfo.ConvertTime(now, zone).Date;
        var format = sameDay ? "HH:mm" : "yyyy-MM-dd HH:mm";
        return $"until {local.ToString(format, CultureInfo.InvariantCulture)} {zone.Id} ({utc.ToString(utc.Date == now.UtcDateTime.Date ? "HH:mm" : "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC)";
    }
}
