using System.Diagnostics;

namespace DrillBot.Lab.Tests;

/// <summary>Runs the machine's real kubectl against a Lab's kubeconfig, with its own discovery cache.</summary>
internal static class Kubectl
{
    public const string Path = "/usr/bin/kubectl";

    public static void RequireInstalled()
    {
        if (!File.Exists(Path))
        {
            Assert.Ignore($"kubectl is not installed at {Path}: the kubectl compatibility tests need it (apt package kubectl).");
        }
    }

    public static Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(TestLab lab, string cacheDir, params string[] args) =>
        RunWithKubeconfigAsync(lab.Host.KubeconfigPath, cacheDir, args);

    /// <summary>Starts kubectl without waiting (for <c>get -w</c>): the caller reads its output and kills it.</summary>
    public static Process Start(string kubeconfig, string cacheDir, params string[] args)
    {
        var start = new ProcessStartInfo(Path) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "--kubeconfig", kubeconfig, "--cache-dir", cacheDir }.Concat(args))
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["HOME"] = cacheDir;
        return Process.Start(start)!;
    }

    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunWithKubeconfigAsync(string kubeconfig, string cacheDir, params string[] args)
    {
        var start = new ProcessStartInfo(Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "--kubeconfig", kubeconfig, "--cache-dir", cacheDir, "--request-timeout", "20s" }.Concat(args))
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["HOME"] = cacheDir;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
