namespace DrillBot.Lab;

/// <summary>The outlier-ejection rule of the emulated sidecars' Envoy (topology field <c>envoy</c>).</summary>
public enum LabEnvoyEjection
{
    /// <summary>
    /// Envoy 1.28 and later: a host is ejected only while (ejected + 1) / hosts ≤ maxEjectionPercent
    /// (unless <c>always_eject_one_host</c>). Topology value <c>current</c>.
    /// </summary>
    Current,

    /// <summary>Before Envoy 1.28: the first host can always be ejected. Topology value <c>legacy-ejection</c>.</summary>
    LegacyEjection,
}
