namespace DrillBot.Lab.Api;

/// <summary>Store keys (kinds) of the Istio networking objects.</summary>
internal static class IstioKinds
{
    public const string DestinationRule = "DestinationRule";
    public const string VirtualService = "VirtualService";
    public const string Gateway = "Gateway";
    public const string EnvoyFilter = "EnvoyFilter";
    public const string Group = "networking.istio.io";

    /// <summary>Served versions; the first is preferred.</summary>
    public static readonly IReadOnlyList<string> Versions = ["v1", "v1beta1", "v1alpha3"];

    /// <summary>EnvoyFilter exists only in v1alpha3 (Istio's CRD serves no other version).</summary>
    public static readonly IReadOnlyList<string> EnvoyFilterVersions = ["v1alpha3"];

    /// <summary>The apiVersion a GET of the preferred version returns for this kind.</summary>
    public static string PreferredApiVersion(string kind) => $"{Group}/{(kind == EnvoyFilter ? EnvoyFilterVersions[0] : Versions[0])}";
}
