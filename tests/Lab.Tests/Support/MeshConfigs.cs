using k8s;
using k8s.Models;

namespace DrillBot.Lab.Tests;

/// <summary>Mesh-wide config changes (ConfigMap istio/istio-system of the asm context) through KubernetesClient.</summary>
internal static class MeshConfigs
{
    public const string Failover = """
        localityLbSetting:
          enabled: true
          failover:
          - from: cn-hangzhou
            to: cn-shanghai
          - from: cn-shanghai
            to: cn-hangzhou
        """;

    public static Task<V1ConfigMap> SetMeshAsync(TestLab lab, string meshYaml) =>
        lab.Kube("asm").CoreV1.PatchNamespacedConfigMapAsync(
            new V1Patch(System.Text.Json.JsonSerializer.Serialize(new { data = new { mesh = meshYaml } }), V1Patch.PatchType.MergePatch),
            "istio", "istio-system");

    public static Task PatchDestinationRuleAsync(TestLab lab, string name, string mergePatch) =>
        lab.Kube("asm").CustomObjects.PatchNamespacedCustomObjectAsync(
            new V1Patch(mergePatch, V1Patch.PatchType.MergePatch), "networking.istio.io", "v1", "default", "destinationrules", name);

    public const string OutlierOnly = """{"spec":{"trafficPolicy":{"outlierDetection":{"consecutive5xxErrors":1,"interval":"1s","baseEjectionTime":"1m","maxEjectionPercent":100}}}}""";
}
