using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DrillBot.Drills.Reports;

/// <summary>The report as JSON: camelCase, enums lower-case, times ISO-8601 UTC (<c>…Z</c>), durations in seconds.</summary>
public static class ReportJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase), new UtcTimeConverter() },
    };

    public static string Serialize(DrillReport report) => JsonSerializer.Serialize(report, Options);

    public static DrillReport? Deserialize(string json) => JsonSerializer.Deserialize<DrillReport>(json, Options);

    private sealed class UtcTimeConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            DateTimeOffset.Parse(reader.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
    }
}
