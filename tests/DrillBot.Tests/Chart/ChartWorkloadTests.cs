using YamlDotNet.RepresentationModel;

namespace DrillBot.Tests.Chart;

/// <summary>The Deployment, Service and friends with the default values.</summary>
public sealed class ChartWorkloadTests
{
    private static readonly string[] ClusterScopedKinds = ["ClusterRole", "ClusterRoleBinding"];

    [TestCase("")]
    [TestCase("charts/drillbot/ci/ha-values.yaml")]
    [TestCase("charts/drillbot/ci/access-values.yaml")]
    public async Task Render_ShippedValues_EveryDocumentHasApiVersionKindNameAndNamespace(string valuesFile)
    {
        var manifests = await ChartRenderer.RenderManifestsAsync(valuesFile.Length == 0 ? [] : ["-f", valuesFile]);

        Assert.That(manifests.All, Is.Not.Empty);
        foreach (var m in manifests.All)
        {
            Assert.Multiple(() =>
            {
                Assert.That(m.ApiVersion, Is.Not.Empty, $"{m.Source}: apiVersion");
                Assert.That(m.Kind, Is.Not.Empty, $"{m.Source}: kind");
                Assert.That(m.Name, Does.Match("^[a-z0-9]([-a-z0-9.]{0,61}[a-z0-9])?$"), $"{m.Source}: metadata.name");
                if (!ClusterScopedKinds.Contains(m.Kind))
                {
                    Assert.That(m.Namespace, Is.Not.Null.And.Not.Empty, $"{m}: metadata.namespace");
                }
            });
        }
    }

    [Test]
    public async Task Render_DefaultValues_RendersTheServiceObjectsAndNoCrdObjects()
    {
        var manifests = await ChartRenderer.RenderManifestsAsync();

        Assert.That(manifests.All.Select(m => m.Kind), Is.EquivalentTo(new[]
        {
            "ConfigMap", "ConfigMap", "Deployment", "Role", "RoleBinding", "Service", "ServiceAccount",
            "Role", "RoleBinding", // drillbot-mesh-config: get on istio-system/istio, for the failover preflight (rbac.meshConfig)
        }));
        Assert.That(PolicyRule.From(manifests.Single("Role", "drillbot-mesh-config")).Select(r => (r.Verbs, r.Resources, r.ResourceNames)),
            Is.EqualTo(new[] { ("get", "configmaps", "istio") }));
    }

    [Test]
    public async Task Render_DefaultValues_ProbesHitHealthzAndReadyzOnTheHttpPort()
    {
        var container = Container(await ChartRenderer.RenderManifestsAsync());

        Assert.Multiple(() =>
        {
            Assert.That(container.Str("livenessProbe", "httpGet", "path"), Is.EqualTo("/healthz"));
            Assert.That(container.Str("livenessProbe", "httpGet", "port"), Is.EqualTo("http"));
            Assert.That(container.Str("readinessProbe", "httpGet", "path"), Is.EqualTo("/readyz"));
            Assert.That(container.Str("readinessProbe", "httpGet", "port"), Is.EqualTo("http"));
            var port = container.Items("ports").Named("http");
            Assert.That(port.Str("containerPort"), Is.EqualTo("8080"));
        });
    }

    [Test]
    public async Task Render_DefaultValues_RunsNonRootOnAReadOnlyRootFilesystem()
    {
        var manifests = await ChartRenderer.RenderManifestsAsync();
        var pod = PodSpec(manifests);
        var container = Container(manifests);

        Assert.Multiple(() =>
        {
            Assert.That(pod.Str("securityContext", "runAsNonRoot"), Is.EqualTo("true"));
            Assert.That(int.Parse(pod.Str("securityContext", "runAsUser"), System.Globalization.CultureInfo.InvariantCulture), Is.GreaterThan(0));
            Assert.That(pod.Str("securityContext", "seccompProfile", "type"), Is.EqualTo("RuntimeDefault"));
            Assert.That(container.Str("securityContext", "readOnlyRootFilesystem"), Is.EqualTo("true"));
            Assert.That(container.Str("securityContext", "allowPrivilegeEscalation"), Is.EqualTo("false"));
            Assert.That(container.Strings("securityContext", "capabilities", "drop"), Is.EqualTo(new[] { "ALL" }));
            Assert.That(container.Find("resources", "requests", "memory"), Is.Not.Null, "resources.requests.memory");
            Assert.That(container.Find("resources", "limits", "memory"), Is.Not.Null, "resources.limits.memory");
        });
    }

    [Test]
    public async Task Render_DefaultValues_WritableTmpAndDataDirectoriesAreEmptyDirs()
    {
        var manifests = await ChartRenderer.RenderManifestsAsync();
        var pod = PodSpec(manifests);
        var mounts = Container(manifests).Items("volumeMounts");

        Assert.Multiple(() =>
        {
            Assert.That(mounts.Named("tmp").Str("mountPath"), Is.EqualTo("/tmp"));
            Assert.That(pod.Items("volumes").Named("tmp").Find("emptyDir"), Is.Not.Null);
            Assert.That(mounts.Named("data").Str("mountPath"), Is.EqualTo("/app/data"));
            Assert.That(pod.Items("volumes").Named("data").Find("emptyDir"), Is.Not.Null);
            Assert.That(Env(manifests, "DRILLBOT_DB").Str("value"), Does.StartWith("/app/data/"));
            Assert.That(mounts.Named("config").Str("readOnly"), Is.EqualTo("true"));
        });
    }

    [Test]
    public async Task Render_DefaultValues_ServesOn8080WithTheMountedDrillsAndOutlastsTheAbortGrace()
    {
        var manifests = await ChartRenderer.RenderManifestsAsync();
        var args = Container(manifests).Strings("args");
        var configMount = Container(manifests).Items("volumeMounts").Named("config").Str("mountPath");

        Assert.Multiple(() =>
        {
            Assert.That(args[0], Is.EqualTo("serve"));
            Assert.That(args, Is.SupersetOf(new[] { "--urls", "http://0.0.0.0:8080", "--config", configMount + "/drills.yaml" }));
            Assert.That(args[args.ToList().IndexOf("--config") + 1], Is.EqualTo(configMount + "/drills.yaml"));
            Assert.That(int.Parse(PodSpec(manifests).Str("terminationGracePeriodSeconds"), System.Globalization.CultureInfo.InvariantCulture), Is.GreaterThan(25));
            Assert.That(manifests.Single("Deployment").Root.Str("spec", "strategy", "type"), Is.EqualTo("Recreate"));
            var service = manifests.Single("Service");
            Assert.That(service.Root.Items("spec", "ports").Named("http").Str("targetPort"), Is.EqualTo("http"));
        });
    }

    [Test]
    public async Task Render_DefaultValues_NoSecretsReferencedUntilConfigured()
    {
        var manifests = await ChartRenderer.RenderManifestsAsync();

        var names = Container(manifests).Items("env").Select(e => e.Str("name")).ToList();
        Assert.That(names, Has.None.StartsWith("SLACK_").And.None.EqualTo("DRILLBOT_API_TOKEN").And.None.EqualTo("KUBECONFIG"));
    }

    [Test]
    public async Task Render_ExistingSecretAndSlackValues_EnvComesFromTheSecretAndPlainValues()
    {
        var manifests = await ChartRenderer.RenderManifestsAsync(
            "--set", "secrets.existingSecret=drillbot",
            "--set", "secrets.env.SLACK_BOT_TOKEN.secret=slack-bot",
            "--set", "secrets.env.SLACK_BOT_TOKEN.key=token",
            "--set", "secrets.env.DRILLBOT_API_TOKEN.optional=false",
            "--set", "slack.channel=C0123",
            "--set", "slack.allowedUsers=U1\\,U2");

        Assert.Multiple(() =>
        {
            Assert.That(Env(manifests, "SLACK_SIGNING_SECRET").Str("valueFrom", "secretKeyRef", "name"), Is.EqualTo("drillbot"));
            Assert.That(Env(manifests, "SLACK_SIGNING_SECRET").Str("valueFrom", "secretKeyRef", "key"), Is.EqualTo("SLACK_SIGNING_SECRET"));
            Assert.That(Env(manifests, "SLACK_APP_TOKEN").Str("valueFrom", "secretKeyRef", "optional"), Is.EqualTo("true"));
            Assert.That(Env(manifests, "SLACK_BOT_TOKEN").Str("valueFrom", "secretKeyRef", "name"), Is.EqualTo("slack-bot"));
            Assert.That(Env(manifests, "SLACK_BOT_TOKEN").Str("valueFrom", "secretKeyRef", "key"), Is.EqualTo("token"));
            Assert.That(Env(manifests, "DRILLBOT_API_TOKEN").Str("valueFrom", "secretKeyRef", "optional"), Is.EqualTo("false"));
            Assert.That(Env(manifests, "SLACK_CHANNEL").Str("value"), Is.EqualTo("C0123"));
            Assert.That(Env(manifests, "SLACK_ALLOWED_USERS").Str("value"), Is.EqualTo("U1,U2"));
        });
    }

    [Test]
    public async Task Render_ChangedDrills_ChangesThePodTemplateChecksum()
    {
        var before = await ChartRenderer.RenderManifestsAsync();
        var after = await ChartRenderer.RenderManifestsAsync("--set", "drillsYaml=drills: []");

        static string Checksum(ManifestSet m) =>
            m.Single("Deployment").Root.Str("spec", "template", "metadata", "annotations", "checksum/drills");
        Assert.That(Checksum(after), Is.Not.EqualTo(Checksum(before)));
    }

    internal static YamlNode PodSpec(ManifestSet manifests) => manifests.Single("Deployment").Root.At("spec", "template", "spec");

    internal static YamlNode Container(ManifestSet manifests) => PodSpec(manifests).Items("containers").Named("drillbot");

    internal static YamlNode Env(ManifestSet manifests, string name) => Container(manifests).Items("env").Named(name);
}
