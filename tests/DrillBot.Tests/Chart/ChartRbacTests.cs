namespace DrillBot.Tests.Chart;

/// <summary>The RBAC the chart grants: exactly what the drills need, by name where Kubernetes allows it.</summary>
public sealed class ChartRbacTests
{
    private static readonly PolicyRule PodsAndEndpoints = PolicyRule.Of("", "pods,endpoints", "", "get,list");
    private static readonly PolicyRule LeaseByName = PolicyRule.Of("coordination.k8s.io", "leases", "drillbot-lock", "get,update");
    private static readonly PolicyRule LeaseCreate = PolicyRule.Of("coordination.k8s.io", "leases", "", "create");
    private static readonly PolicyRule HpaList = PolicyRule.Of("autoscaling", "horizontalpodautoscalers", "", "list");

    [Test]
    public async Task Render_DefaultValues_RoleGrantsExactlyTheDrillRules()
    {
        var manifests = await ChartRenderer.RenderManifestsAsync("--namespace", "drillbot");

        var role = manifests.Single("Role", "drillbot-drills");
        var meshConfig = manifests.Single("Role", "drillbot-mesh-config");
        Assert.That(role.Namespace, Is.EqualTo("default"));
        Assert.That(PolicyRule.From(role), Is.EquivalentTo(new[]
        {
            PolicyRule.Of("apps", "deployments", "reviews-v1,reviews-v2", "get,patch,watch"),
            PolicyRule.Of("apps", "deployments/scale", "reviews-v1,reviews-v2", "get,patch"),
            HpaList,
            PodsAndEndpoints,
            PolicyRule.Of("networking.istio.io", "destinationrules", "reviews,productpage", "get,patch,update,watch"),
            PolicyRule.Of("networking.istio.io", "virtualservices", "reviews", "get,patch,update,watch"),
            PolicyRule.Of("networking.istio.io", "envoyfilters", "drillbot-fail-reviews-v1", "get,delete,watch"),
            PolicyRule.Of("networking.istio.io", "envoyfilters", "", "create"),
            LeaseByName,
            LeaseCreate,
        }));
        Assert.That(meshConfig.Namespace, Is.EqualTo("istio-system"));
        Assert.That(PolicyRule.From(meshConfig), Is.EqualTo(new[] { PolicyRule.Of("", "configmaps", "istio", "get") }), "the failover preflight reads the mesh config, nothing else there");
    }

    [Test]
    public async Task Render_DefaultValues_RoleBindingBindsTheServiceAccountOfTheReleaseNamespace()
    {
        var manifests = await ChartRenderer.RenderManifestsAsync("--namespace", "drillbot");

        var binding = manifests.Single("RoleBinding", "drillbot-drills");
        var subject = binding.Root.Items("subjects").Single();
        Assert.Multiple(() =>
        {
            Assert.That(binding.Namespace, Is.EqualTo("default"));
            Assert.That(binding.Root.Str("roleRef", "kind"), Is.EqualTo("Role"));
            Assert.That(binding.Root.Str("roleRef", "name"), Is.EqualTo("drillbot-drills"));
            Assert.That(subject.Str("kind"), Is.EqualTo("ServiceAccount"));
            Assert.That(subject.Str("name"), Is.EqualTo(manifests.Single("ServiceAccount").Name));
            Assert.That(subject.Str("namespace"), Is.EqualTo("drillbot"));
        });
    }

    [TestCase("")]
    [TestCase("charts/drillbot/ci/ha-values.yaml")]
    [TestCase("charts/drillbot/ci/access-values.yaml")]
    public async Task Render_AnyShippedValues_NothingClusterWideAndNoWildcards(string valuesFile)
    {
        var manifests = await ChartRenderer.RenderManifestsAsync(valuesFile.Length == 0 ? [] : ["-f", valuesFile]);

        Assert.That(manifests.All.Select(m => m.Kind), Has.None.EqualTo("ClusterRole").And.None.EqualTo("ClusterRoleBinding"));
        foreach (var role in manifests.OfKind("Role"))
        {
            foreach (var rule in PolicyRule.From(role))
            {
                Assert.That(rule.Verbs + "," + rule.Resources + "," + rule.ApiGroups, Does.Not.Contain("*"), $"{role}: {rule}");
            }
        }
    }

    [Test]
    public async Task Render_AllowVirtualServiceCreate_AddsCreateUnnamedAndDeleteByName()
    {
        var manifests = await ChartRenderer.RenderManifestsAsync("--set", "rbac.allowVirtualServiceCreate=true");

        var rules = PolicyRule.From(manifests.Single("Role", "drillbot-drills"));
        Assert.That(rules, Does.Contain(PolicyRule.Of("networking.istio.io", "virtualservices", "reviews", "get,patch,update,watch,delete")));
        Assert.That(rules, Does.Contain(PolicyRule.Of("networking.istio.io", "virtualservices", "", "create")));
        Assert.That(rules, Does.Not.Contain(PolicyRule.Of("networking.istio.io", "virtualservices", "reviews", "get,patch,update,watch")));
    }

    [Test]
    public async Task Render_AccessOnlyValues_OnlyIdentityAndRoleForItsTargets()
    {
        var manifests = await ChartRenderer.RenderManifestsAsync("-f", "charts/drillbot/ci/access-values.yaml", "--namespace", "drillbot");

        Assert.That(manifests.All.Select(m => m.Kind), Is.EquivalentTo(new[] { "ServiceAccount", "Secret", "Role", "RoleBinding" }));
        var token = manifests.Single("Secret");
        Assert.That(token.Root.Str("type"), Is.EqualTo("kubernetes.io/service-account-token"));
        Assert.That(token.Root.Str("metadata", "annotations", "kubernetes.io/service-account.name"), Is.EqualTo("drillbot"));
        Assert.That(PolicyRule.From(manifests.Single("Role")), Is.EquivalentTo(new[]
        {
            PolicyRule.Of("apps", "deployments", "reviews-v1", "get,patch,watch"),
            PolicyRule.Of("apps", "deployments/scale", "reviews-v1", "get,patch"),
            HpaList,
            PodsAndEndpoints,
            LeaseByName,
            LeaseCreate,
        }), "no DestinationRules here: no mesh-config Role either");
    }

    [Test]
    public async Task Render_HaValues_NoTargetsInTheHomeClusterMeansNoRole()
    {
        var manifests = await ChartRenderer.RenderManifestsAsync("-f", "charts/drillbot/ci/ha-values.yaml");

        Assert.That(manifests.OfKind("Role"), Is.Empty);
        Assert.That(manifests.OfKind("RoleBinding"), Is.Empty);
    }

    [Test]
    public async Task Render_LeaseNameAndClusterRules_AreTakenFromValues()
    {
        var overlay = Path.Combine(TestContext.CurrentContext.WorkDirectory, "cluster-rules-values.yaml");
        await File.WriteAllTextAsync(overlay, """
            rbac:
              leaseName: team-a-lock
              clusterRules:
                - apiGroups: [""]
                  resources: ["namespaces"]
                  verbs: ["get"]
            """);

        var manifests = await ChartRenderer.RenderManifestsAsync("-f", overlay, "--namespace", "drillbot");

        Assert.That(PolicyRule.From(manifests.Single("Role", "drillbot-drills")), Does.Contain(PolicyRule.Of("coordination.k8s.io", "leases", "team-a-lock", "get,update")));
        Assert.That(PolicyRule.From(manifests.Single("ClusterRole")), Is.EqualTo(new[] { PolicyRule.Of("", "namespaces", "", "get") }));
        Assert.That(manifests.Single("ClusterRoleBinding").Root.Items("subjects").Single().Str("namespace"), Is.EqualTo("drillbot"));
    }

    [Test]
    public async Task Render_OwnerTargets_GetPatchWatchOnTheNamedOwnersOnly_AndKedaListWhenAsked()
    {
        var overlay = Path.Combine(TestContext.CurrentContext.WorkDirectory, "owner-values.yaml");
        await File.WriteAllTextAsync(overlay, """
            rbac:
              ownerDetection: { scaledObjects: true }
            targets:
              - namespace: default
                deployments: [reviews-v1]
                scaledObjects: [reviews-v1]
                horizontalPodAutoscalers: [reviews-v1]
              - namespace: argocd
                applications: [bookinfo]
              - namespace: flux-system
                kustomizations: [apps]
            """);

        var manifests = await ChartRenderer.RenderManifestsAsync("-f", overlay);

        var byNamespace = manifests.OfKind("Role").ToDictionary(r => r.Namespace!, PolicyRule.From);
        Assert.Multiple(() =>
        {
            Assert.That(byNamespace["default"], Does.Contain(PolicyRule.Of("keda.sh", "scaledobjects", "", "list")));
            Assert.That(byNamespace["default"], Does.Contain(PolicyRule.Of("keda.sh", "scaledobjects", "reviews-v1", "get,patch,watch")));
            Assert.That(byNamespace["default"], Does.Contain(PolicyRule.Of("autoscaling", "horizontalpodautoscalers", "reviews-v1", "get,patch,watch")));
            Assert.That(byNamespace["argocd"], Is.EqualTo(new[] { PolicyRule.Of("argoproj.io", "applications", "bookinfo", "get,patch,watch") }), "no lock, pods or endpoints in a namespace that only holds owners");
            Assert.That(byNamespace["flux-system"], Is.EqualTo(new[] { PolicyRule.Of("kustomize.toolkit.fluxcd.io", "kustomizations", "apps", "get,patch,watch") }));
        });
    }
}
