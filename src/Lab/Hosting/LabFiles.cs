using System.Text;
using System.Text.Json;

namespace DrillBot.Lab.Hosting;

/// <summary>Writes kubeconfig, lab.env and (last, atomically) lab.json.</summary>
internal static class LabFiles
{
    public static string Kubeconfig(IReadOnlyList<(string Context, int Port, string Token)> servers, string caPem, string ns, string currentContext, string user = "admin")
    {
        var ca = Convert.ToBase64String(Encoding.ASCII.GetBytes(caPem));
        var yaml = new StringBuilder();
        yaml.Append("# Written by the DrillBot Lab: an EMULATION of Kubernetes API servers on loopback, not a cluster.\n");
        yaml.Append("apiVersion: v1\nkind: Config\nclusters:\n");
        foreach (var (context, port, _) in servers)
        {
            yaml.Append($"- name: {context}\n  cluster:\n    server: https://127.0.0.1:{port}\n    certificate-authority-data: {ca}\n");
        }

        yaml.Append("contexts:\n");
        foreach (var (context, _, _) in servers)
        {
            yaml.Append($"- name: {context}\n  context:\n    cluster: {context}\n    user: {context}-{user}\n    namespace: {ns}\n");
        }

        yaml.Append($"current-context: {currentContext}\nusers:\n");
        foreach (var (context, _, token) in servers)
        {
            yaml.Append($"- name: {context}-{user}\n  user:\n    token: {token}\n");
        }

        yaml.Append("preferences: {}\n");
        return yaml.ToString();
    }

    /// <summary><c>PRODUCTPAGE_URL_{REGION}</c>: the region upper-cased, every character that is not a letter or digit an underscore.</summary>
    public static string RegionVariable(string region) =>
        "PRODUCTPAGE_URL_" + new string([.. region.ToUpperInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_')]);

    /// <summary>The variables of lab.env, in the order written.</summary>
    public static IReadOnlyDictionary<string, string> Variables(string kubeconfigPath, Uri productpage, IReadOnlyDictionary<string, Uri> byRegion, Uri events)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal) { ["KUBECONFIG"] = kubeconfigPath, ["PRODUCTPAGE_URL"] = productpage.ToString() };
        foreach (var (region, url) in byRegion)
        {
            variables[RegionVariable(region)] = url.ToString();
        }

        variables["LAB_EVENTS_URL"] = events.ToString();
        return variables;
    }

    public static async Task WriteAllAsync(string directory, string kubeconfig, Uri productpage, IReadOnlyDictionary<string, Uri> byRegion, Uri events, IReadOnlyList<string> contexts,
        CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var kubeconfigPath = Path.GetFullPath(Path.Combine(directory, "kubeconfig"));
        await WriteAtomicallyAsync(kubeconfigPath, kubeconfig, cancellationToken).ConfigureAwait(false);
        var env = string.Concat(Variables(kubeconfigPath, productpage, byRegion, events).Select(kv => $"{kv.Key}={kv.Value}\n"));
        await WriteAtomicallyAsync(Path.Combine(directory, "lab.env"), env, cancellationToken).ConfigureAwait(false);
        var json = JsonSerializer.Serialize(new LabFileDocument(productpage.ToString(), events.ToString(), kubeconfigPath, contexts)
            {
                ProductpageUrls = byRegion.ToDictionary(kv => kv.Key, kv => kv.Value.ToString(), StringComparer.Ordinal),
            },
            LabFileJsonContext.Default.LabFileDocument);
        await WriteAtomicallyAsync(Path.Combine(directory, "lab.json"), json + "\n", cancellationToken).ConfigureAwait(false);
    }

    public static async Task WriteAtomicallyAsync(string path, string content, CancellationToken cancellationToken)
    {
        var temp = path + ".tmp";
        await File.WriteAllTextAsync(temp, content, cancellationToken).ConfigureAwait(false);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.Move(temp, path, overwrite: true);
    }
}
