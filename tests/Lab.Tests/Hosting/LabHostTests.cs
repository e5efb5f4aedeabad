using System.Text.Json;

namespace DrillBot.Lab.Tests.Hosting;

public sealed class LabHostTests
{
    [Test]
    public async Task WriteFilesAsync_WritesKubeconfigEnvAndJson()
    {
        var dir = Directory.CreateTempSubdirectory("lab-files-").FullName;
        try
        {
            await using var lab = await TestLab.StartAsync();

            await lab.Host.WriteFilesAsync(dir);

            var env = await File.ReadAllLinesAsync(Path.Combine(dir, "lab.env"));
            using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(dir, "lab.json")));
            var kubeconfig = await File.ReadAllTextAsync(Path.Combine(dir, "kubeconfig"));
            Assert.That(env, Does.Contain($"KUBECONFIG={Path.Combine(dir, "kubeconfig")}").And.Contain($"PRODUCTPAGE_URL={lab.Host.ProductpageUrl}"));
            Assert.That(env, Does.Contain($"PRODUCTPAGE_URL_CN_SHANGHAI={lab.Host.ProductpageUrls["cn-shanghai"]}").And.Contain($"PRODUCTPAGE_URL_CN_HANGZHOU={lab.Host.ProductpageUrl}"));
            Assert.That(json.RootElement.GetProperty("productpageUrls").GetProperty("cn-shanghai").GetString(), Is.EqualTo(lab.Host.ProductpageUrls["cn-shanghai"].ToString()));
            Assert.That(json.RootElement.GetProperty("productpageUrl").GetString(), Is.EqualTo(lab.Host.ProductpageUrl.ToString()));
            Assert.That(json.RootElement.GetProperty("eventsUrl").GetString(), Is.EqualTo(lab.Host.EventsUrl.ToString()));
            Assert.That(json.RootElement.GetProperty("kubeconfig").GetString(), Is.EqualTo(Path.Combine(dir, "kubeconfig")));
            Assert.That(json.RootElement.GetProperty("contexts").EnumerateArray().Select(c => c.GetString()), Is.EqualTo(new[] { "ack-hangzhou", "ack-shanghai", "asm" }));
            Assert.That(kubeconfig, Does.Contain("certificate-authority-data:").And.Contain("token:").And.Contain("server: https://127.0.0.1:"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Test]
    public async Task DisposeAsync_WithoutDirectory_DeletesItsTempKubeconfig()
    {
        var lab = await TestLab.StartAsync();
        var kubeconfig = lab.Host.KubeconfigPath;
        var existed = File.Exists(kubeconfig);

        await lab.DisposeAsync();

        Assert.That(existed, Is.True);
        Assert.That(File.Exists(kubeconfig), Is.False);
    }

    [Test]
    public async Task GetObjectJson_UnknownObject_Null()
    {
        await using var lab = await TestLab.StartAsync();

        Assert.That(lab.Host.GetObjectJson("asm", "DestinationRule", "default", "nope"), Is.Null);
        Assert.That(lab.Host.GetObjectJson("nowhere", "Deployment", "default", "reviews-v1"), Is.Null);
        Assert.That(lab.Host.GetObjectJson("asm", "Gateway", "default", "bookinfo-gateway"), Does.StartWith("{\"apiVersion\":\"networking.istio.io/v1\",\"kind\":\"Gateway\""));
    }

    [Test]
    public async Task SameSeed_SamePodNames()
    {
        await using var first = await TestLab.StartAsync(seed: 42);
        await using var second = await TestLab.StartAsync(seed: 42);

        var (_, _, a) = await first.ProductpageAsync();
        var (_, _, b) = await second.ProductpageAsync();

        Assert.That(a, Is.EqualTo(b));
    }
}
