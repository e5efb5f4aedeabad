using System.Diagnostics;
using System.Text.RegularExpressions;

namespace DrillBot.Tests.Observability;

/// <summary>
/// Debian's chromium (CI installs the package), headless, with the flags this machine's closed
/// network needs. Console messages come back on stderr as <c>INFO:CONSOLE</c> lines.
/// </summary>
internal static partial class HeadlessChromium
{
    public const string Path = "/usr/bin/chromium";

    public static async Task<ChromiumResult> LoadAsync(string htmlFile, string? screenshot = null)
    {
        Assert.That(File.Exists(Path), Is.True, $"chromium not found at {Path}: install the Debian package 'chromium'");
        var profile = Directory.CreateTempSubdirectory("drillbot-chromium-").FullName;
        try
        {
            var psi = new ProcessStartInfo(Path)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var arg in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                $"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0", "--window-size=1280,1000",
            })
            {
                psi.ArgumentList.Add(arg);
            }

            psi.ArgumentList.Add(screenshot is null ? "--dump-dom" : $"--screenshot={screenshot}");
            psi.ArgumentList.Add(new Uri(htmlFile).AbsoluteUri);
            using var process = Process.Start(psi)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            await process.WaitForExitAsync(timeout.Token);
            var console = ConsoleLine().Matches(await stderr).Select(m => m.Groups[1].Value).ToList();
            return new ChromiumResult(process.ExitCode, await stdout, console);
        }
        finally
        {
            Directory.Delete(profile, recursive: true);
        }
    }

    [GeneratedRegex(@":CONSOLE[^\]]*\]\s*(.*)")]
    private static partial Regex ConsoleLine();
}

internal sealed record ChromiumResult(int ExitCode, string Dom, IReadOnlyList<string> ConsoleMessages);
