using k8s;
using k8s.Autorest;
using k8s.Models;

namespace DrillBot.Lab.Tests.Api;

/// <summary>Identities with RBAC rules: enforced on every request, answered by SelfSubjectAccessReview, seen by kubectl auth can-i.</summary>
public sealed class AccessTests
{
    /// <summary>A Role in default that may read reviews-v1 and patch its scale only (no patch of the Deployment itself), and read leases.</summary>
    public static LabTopology WithScalerIdentity() => TestLab.Fast() with
    {
        Identities =
        [
            new LabIdentity("scaler",
            [
                new LabRbacRule { Namespaces = ["default"], ApiGroups = ["apps"], Resources = ["deployments", "deployments/scale"], ResourceNames = ["reviews-v1"], Verbs = ["get", "list", "watch"] },
                new LabRbacRule { Namespaces = ["default"], ApiGroups = ["apps"], Resources = ["deployments/scale"], ResourceNames = ["reviews-v1"], Verbs = ["patch"] },
                new LabRbacRule { Contexts = ["asm"], Namespaces = ["default"], ApiGroups = ["networking.istio.io"], Resources = ["destinationrules"], Verbs = ["get", "list"] },
            ]),
        ],
    };

    private static Kubernetes As(TestLab lab, string identity, string context) =>
        new(KubernetesClientConfiguration.BuildConfigFromConfigFile(lab.Host.KubeconfigFor(identity), context));

    private static async Task<bool> CanAsync(Kubernetes client, string verb, string group, string resource, string? subresource, string? name, string ns = "default")
    {
        var review = await client.AuthorizationV1.CreateSelfSubjectAccessReviewAsync(new V1SelfSubjectAccessReview
        {
            Spec = new V1SelfSubjectAccessReviewSpec
            {
                ResourceAttributes = new V1ResourceAttributes { Verb = verb, Group = group, Resource = resource, Subresource = subresource, Name = name, NamespaceProperty = ns },
            },
        });
        return review.Status.Allowed;
    }

    [Test]
    public async Task AccessReview_IdentityRules_AllowsWhatTheRoleGrantsAndNothingElse()
    {
        await using var lab = await TestLab.StartAsync(WithScalerIdentity());
        using var hangzhou = As(lab, "scaler", "ack-hangzhou");
        using var asm = As(lab, "scaler", "asm");

        Assert.Multiple(async () =>
        {
            Assert.That(await CanAsync(hangzhou, "patch", "apps", "deployments", "scale", "reviews-v1"), Is.True);
            Assert.That(await CanAsync(hangzhou, "patch", "apps", "deployments", null, "reviews-v1"), Is.False, "the Deployment itself is not patchable");
            Assert.That(await CanAsync(hangzhou, "patch", "apps", "deployments", "scale", "productpage-v1"), Is.False, "another name");
            Assert.That(await CanAsync(hangzhou, "patch", "apps", "deployments", "scale", "reviews-v1", ns: "kube-system"), Is.False, "another namespace");
            Assert.That(await CanAsync(hangzhou, "list", "networking.istio.io", "destinationrules", null, null), Is.False, "the rule is bound in asm only");
            Assert.That(await CanAsync(asm, "list", "networking.istio.io", "destinationrules", null, null), Is.True);
            Assert.That(await CanAsync(hangzhou, "create", "apps", "deployments", null, null), Is.False);
        });
    }

    [Test]
    public async Task Requests_IdentityWithoutPatch_403NamingUserVerbResourceAndNamespace_ObjectUnchanged()
    {
        await using var lab = await TestLab.StartAsync(WithScalerIdentity());
        using var client = As(lab, "scaler", "ack-hangzhou");
        var before = lab.Host.GetObjectJson("ack-hangzhou", "Deployment", "default", "reviews-v1");

        var patch = Assert.ThrowsAsync<HttpOperationException>(() => client.AppsV1.PatchNamespacedDeploymentAsync(
            new V1Patch("{\"metadata\":{\"annotations\":{\"x\":\"y\"}}}", V1Patch.PatchType.MergePatch), "reviews-v1", "default"));
        var scaled = await client.AppsV1.PatchNamespacedDeploymentScaleAsync(new V1Patch("{\"spec\":{\"replicas\":0}}", V1Patch.PatchType.MergePatch), "reviews-v1", "default");

        Assert.Multiple(() =>
        {
            Assert.That((int)patch!.Response.StatusCode, Is.EqualTo(403));
            Assert.That(patch.Response.Content, Does.Contain("deployments.apps \\\"reviews-v1\\\" is forbidden: User \\\"scaler\\\" cannot patch resource \\\"deployments\\\" in API group \\\"apps\\\" in the namespace \\\"default\\\""));
            Assert.That(scaled.Spec.Replicas, Is.Zero, "the scale subresource is allowed");
            Assert.That(before, Does.Not.Contain("\"x\":\"y\""));
        });
    }

    [Test]
    public async Task AccessReview_AdminWithForbidKnob_NotAllowed()
    {
        await using var lab = await TestLab.StartAsync();
        lab.Host.Control.Forbid("ack-hangzhou", "patch", "Deployment", "reviews-v1");

        Assert.That(await CanAsync(lab.Kube("ack-hangzhou"), "patch", "apps", "deployments", "scale", "reviews-v1"), Is.False);
        Assert.That(await CanAsync(lab.Kube("ack-hangzhou"), "patch", "apps", "deployments", "scale", "reviews-v2"), Is.True);
    }

    [Test]
    public async Task KubectlAuthCanI_Identity_YesAndNoWithExitCodes()
    {
        Kubectl.RequireInstalled();
        await using var lab = await TestLab.StartAsync(WithScalerIdentity());
        var cache = Directory.CreateTempSubdirectory("lab-kubectl-").FullName;
        try
        {
            var kubeconfig = lab.Host.KubeconfigFor("scaler");
            var yes = await Kubectl.RunWithKubeconfigAsync(kubeconfig, cache, "--context", "ack-hangzhou", "auth", "can-i", "patch", "deployments/reviews-v1", "--subresource=scale", "-n", "default");
            var no = await Kubectl.RunWithKubeconfigAsync(kubeconfig, cache, "--context", "ack-hangzhou", "auth", "can-i", "patch", "deployments/reviews-v1", "-n", "default");

            Assert.Multiple(() =>
            {
                Assert.That((yes.ExitCode, yes.Stdout.Trim()), Is.EqualTo((0, "yes")), yes.Stderr);
                Assert.That((no.ExitCode, no.Stdout.Trim()), Is.EqualTo((1, "no")), no.Stderr);
            });
        }
        finally
        {
            Directory.Delete(cache, recursive: true);
        }
    }

    [Test]
    public async Task ListWithNameFieldSelector_NamedRule_AllowedWithoutSelectorForbidden()
    {
        await using var lab = await TestLab.StartAsync(WithScalerIdentity());
        using var client = As(lab, "scaler", "ack-hangzhou");

        var named = await client.AppsV1.ListNamespacedDeploymentAsync("default", fieldSelector: "metadata.name=reviews-v1");
        var all = Assert.ThrowsAsync<HttpOperationException>(() => client.AppsV1.ListNamespacedDeploymentAsync("default"));

        Assert.That(named.Items.Select(d => d.Metadata.Name), Is.EqualTo(new[] { "reviews-v1" }));
        Assert.That((int)all!.Response.StatusCode, Is.EqualTo(403), "list without the name selector needs an unnamed rule");
    }
}
