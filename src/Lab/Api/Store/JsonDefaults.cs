using System.Text.Encodings.Web;
using System.Text.Json;

namespace DrillBot.Lab.Api;

/// <summary>JSON output settings: escape only what must be escaped, like the Go API server (no <c>\u002B</c> for '+').</summary>
internal static class JsonDefaults
{
    public static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static readonly JsonWriterOptions Writer = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
