namespace DrillBot.Tests.Chart;

/// <summary>The multi-cluster, highly available install (charts/drillbot/ci/ha-values.yaml) and the HA guard.</summary>
public sealed class ChartHaTests
{
    private const string HaValues = "charts/drillbot/ci/ha-values.yaml";

    [Test]
    public async Task Render_HaValues_TwoReplicasOnPostgresFromASecret()
    {
        var manifests = await ChartRenderer.RenderManifestsAsync("-f", HaValues, "--namespace", "drillbot");
        var deployment = manifests.Single("Deployment");
        var db = ChartWorkloadTests.Env(manifests, "DRILLBOT_DB");

        Assert.Multiple(() =>
        {
            Assert.That(deployment.Root.Str("spec", "replicas"), Is.EqualTo("2"));
            Assert.That(deployment.Root.Str("spec", "strategy", "type"), Is.EqualTo("RollingUpdate"));
            Assert.That(db.Find("value"), Is.Null, "DRILLBOT_DB must not be a plain value");
            Assert.That(db.Str("valueFrom", "secretKeyRef", "name"), Is.EqualTo("drillbot-db"));
            Assert.That(db.Str("valueFrom", "secretKeyRef", "key"), Is.EqualTo("DRILLBOT_DB"));
            Assert.That(manifests.Single("PodDisruptionBudget").Root.Str("spec", "minAvailable"), Is.EqualTo("1"));
        });
    }

    [Test]
    public async Task Render_HaValues_KubeconfigSecretIsMountedReadOnlyAndNamedByKubeconfig()
    {
        var manifests = await ChartRenderer.RenderManifestsAsync("-f", HaValues);
        var mount = ChartWorkloadTests.Container(manifests).Items("volumeMounts").Named("kubeconfig");
        var volume = ChartWorkloadTests.PodSpec(manifests).Items("volumes").Named("kubeconfig");

        Assert.Multiple(() =>
        {
            Assert.That(volume.Str("secret", "secretName"), Is.EqualTo("drillbot-kubeconfig"));
            Assert.That(mount.Str("readOnly"), Is.EqualTo("true"));
            var key = volume.Items("secret", "items").Single().Str("path");
            Assert.That(ChartWorkloadTests.Env(manifests, "KUBECONFIG").Str("value"), Is.EqualTo(mount.Str("mountPath") + "/" + key));
        });
    }

    [Test]
    public async Task Render_HaValues_ScrapedAlertedAndFenced()
    {
        var manifests = await ChartRenderer.RenderManifestsAsync("-f", HaValues, "--namespace", "drillbot");
        var monitor = manifests.Single("ServiceMonitor");
        var endpoint = monitor.Root.Items("spec", "endpoints").Single();
        var policy = manifests.Single("NetworkPolicy");

        Assert.Multiple(() =>
        {
            Assert.That(endpoint.Str("port"), Is.EqualTo("http"));
            Assert.That(endpoint.Str("path"), Is.EqualTo("/metrics"));
            Assert.That(monitor.Root.Str("spec", "jobLabel"), Is.EqualTo("app.kubernetes.io/name"));
            Assert.That(manifests.Single("Service").Root.Str("metadata", "labels", "app.kubernetes.io/name"), Is.EqualTo("drillbot"),
                "the job label the alert rules select (job=\"drillbot\")");
            Assert.That(manifests.Single("PrometheusRule").Root.Str("metadata", "labels", "release"), Is.EqualTo("kube-prometheus-stack"));
            Assert.That(policy.Root.Items("spec", "ingress").Single().Items("ports").Single().Str("port"), Is.EqualTo("http"));
            Assert.That(policy.Root.Items("spec", "ingress").Single().Items("from"), Has.Count.EqualTo(2));
        });
    }

    [Test]
    public async Task Render_TwoReplicasWithoutDatabase_FailsWithAClearMessage()
    {
        var result = await ChartRenderer.RenderAsync("--set", "replicaCount=2");

        Assert.That(result.ExitCode, Is.Not.Zero);
        Assert.That(result.Stderr, Does.Contain("replicaCount is 2, but several replicas need a shared PostgreSQL database"));
        Assert.That(result.Stderr, Does.Contain("database.existingSecret"));
        Assert.That(result.Stdout, Is.Empty);
    }

    [Test]
    public async Task Render_TwoReplicasWithSqlitePath_Fails()
    {
        var result = await ChartRenderer.RenderAsync("--set", "replicaCount=2", "--set", "database.url=/app/data/drillbot.db");

        Assert.That(result.ExitCode, Is.Not.Zero);
        Assert.That(result.Stderr, Does.Contain("PostgreSQL"));
    }

    [TestCase("database.url=Host=pg.ops.svc;Database=drillbot;Username=drillbot")]
    [TestCase("database.url=host = pg;Database=drillbot")]
    [TestCase("database.existingSecret=drillbot-db")]
    public async Task Render_TwoReplicasWithPostgres_Renders(string database)
    {
        var manifests = await ChartRenderer.RenderManifestsAsync("--set", "replicaCount=2", "--set", database);

        Assert.That(manifests.Single("Deployment").Root.Str("spec", "replicas"), Is.EqualTo("2"));
    }

    [Test]
    public async Task Render_TwoReplicasWithPersistence_Fails()
    {
        var result = await ChartRenderer.RenderAsync(
            "--set", "replicaCount=2", "--set", "database.existingSecret=db", "--set", "persistence.enabled=true");

        Assert.That(result.ExitCode, Is.Not.Zero);
        Assert.That(result.Stderr, Does.Contain("persistence.enabled"));
    }
}
