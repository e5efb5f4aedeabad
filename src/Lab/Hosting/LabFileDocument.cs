using System.Text.Json.Serialization;

namespace DrillBot.Lab.Hosting;

/// <summary>The content of <c>lab.json</c>.</summary>
internal sealed record LabFileDocument(string ProductpageUrl, string EventsUrl, string Kubeconfig, IReadOnlyList<string> Contexts)
{
    public string Note { get; init; } = "DrillBot Lab: an emulated two-region Bookinfo mesh (not Kubernetes, not Envoy)";

    /// <summary><c>/productpage</c> on each region's ingress gateway, by region (<c>productpageUrl</c> is the primary's).</summary>
    public IReadOnlyDictionary<string, string> ProductpageUrls { get; init; } = new Dictionary<string, string>();
}

/// <summary>Source-generated serializer for <see cref="LabFileDocument"/>.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(LabFileDocument))]
internal sealed partial class LabFileJsonContext : JsonSerializerContext;
