namespace DrillBot.Lab.Api;

/// <summary>Store keys (kinds) of the Istio networking objects.</summary>
internal static class IstioKinds
{
    public const string DestinationRule = "DestinationRule";
    public const string VirtualService = "VirtualService";
    public const string Gateway = "Gateway";
    public const string Group = "networking.istio.io";

    /// <summary>Served versions; the first is preferred.</summary>
    public static readonly IReadOnlyList<string> Versions = ["v1", "v1beta1", "v1alpha3"];
}
