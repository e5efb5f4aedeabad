using System.CommandLine;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using DrillBot.Lab;

namespace DrillBot.Cli;

/// <summary>
/// <c>drillbot lab --dir D [--topology F]</c>: runs the Lab in the foreground until Ctrl-C/SIGTERM and writes
/// D/kubeconfig, D/lab.env and, last, D/lab.json.
/// </summary>
internal static class LabCommand
{
    public static Command Create()
    {
        var dir = new Option<string>("--dir") { Description = "Directory for kubeconfig, lab.env and lab.json", Required = true };
        var topology = new Option<string?>("--topology") { Description = "Topology YAML file (default: the runbook's two-region mesh)" };
        var command = new Command("lab", "Run the Lab (an emulated two-region Bookinfo mesh) in the foreground until Ctrl-C.")
        {
            dir,
            topology,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var signalled = new StrongBox<bool>();
            var code = await RunAsync(parse.GetValue(dir)!, parse.GetValue(topology), Console.Out, Console.Error, signalled, cancellationToken)
                .ConfigureAwait(false);
            if (signalled.Value)
            {
                // The Lab is already disposed; System.CommandLine would turn a Ctrl-C into exit code 130.
                await Console.Out.FlushAsync(CancellationToken.None).ConfigureAwait(false);
                Environment.Exit(code);
            }

            return code;
        });
        return command;
    }

    public static async Task<int> RunAsync(string directory, string? topologyFile, TextWriter stdout, TextWriter stderr,
        StrongBox<bool> signalled, CancellationToken cancellationToken)
    {
        var topology = LabTopology.Default;
        if (topologyFile is not null)
        {
            var loaded = LabTopologyLoader.Load(topologyFile);
            if (!loaded.Succeeded)
            {
                foreach (var problem in loaded.Problems)
                {
                    await stderr.WriteLineAsync($"error: {problem}").ConfigureAwait(false);
                }

                return ExitCodes.InvalidInput;
            }

            topology = loaded.Topology!;
        }

        try
        {
            Directory.CreateDirectory(directory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            await stderr.WriteLineAsync($"error: --dir {directory}: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.InvalidInput;
        }

        LabHost lab;
        try
        {
            lab = await LabHost.StartAsync(topology, new LabHostOptions { Directory = directory }, cancellationToken).ConfigureAwait(false);
            await lab.WriteFilesAsync(directory, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Net.Sockets.SocketException)
        {
            await stderr.WriteLineAsync($"error: the Lab could not start: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.Errored;
        }

        await using var running = lab;
        var full = Path.GetFullPath(directory);
        await stdout.WriteLineAsync($"""
            DrillBot Lab is running. This is an EMULATION (not Kubernetes, not Istio/Envoy): see docs/lab.md.
              productpage : {lab.ProductpageUrl}   (per region's ingress gateway: {string.Join(", ", lab.ProductpageUrls.Select(kv => $"{kv.Key} {kv.Value}"))})
              events      : {lab.EventsUrl}
              kubeconfig  : {lab.KubeconfigPath}   (contexts: {string.Join(", ", lab.Contexts)})
              env file    : {Path.Combine(full, "lab.env")}   (source it: set -a; . {Path.Combine(full, "lab.env")}; set +a)
              lab.json    : {Path.Combine(full, "lab.json")}
            Press Ctrl-C to stop.
            """).ConfigureAwait(false);
        // Ctrl-C and SIGTERM end the Lab cleanly (exit 0) instead of killing the process.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await stdout.WriteLineAsync("DrillBot Lab stopping.").ConfigureAwait(false);
        }

        return ExitCodes.Passed;

        void OnSignal(PosixSignalContext context)
        {
            context.Cancel = true;
            signalled.Value = true;
            try
            {
                stop.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // a second signal raced the shutdown: already stopping
            }
        }
    }
}
