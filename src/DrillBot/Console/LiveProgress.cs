using System.Collections.Concurrent;
using System.Globalization;
using DrillBot.Drills.Running;
using DrillBot.Drills.Running.Events;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace DrillBot.Terminal;

/// <summary>
/// Live progress of one run: phase, elapsed time, live counts per probe class. On an interactive
/// terminal a Spectre live display refreshes four times a second; otherwise (pipes, CI, tests) each
/// phase change, step and restore item is printed as one plain line.
/// </summary>
internal sealed class LiveProgress(IAnsiConsole console, TimeProvider time) : IDrillObserver
{
    private readonly ConcurrentDictionary<string, int> _classes = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly long _start = time.GetTimestamp();
    private volatile string _phase = "pending";
    private int _late;

    private bool Interactive => console.Profile.Capabilities.Interactive;

    public void OnEvent(DrillEvent drillEvent)
    {
        switch (drillEvent)
        {
            case ProbeSampled s:
                _classes.AddOrUpdate(s.Sample.Class, 1, (_, n) => n + 1);
                if (s.Sample.Late)
                {
                    Interlocked.Increment(ref _late);
                }

                return;
            case PhaseChanged p:
                _phase = p.Phase.WireName();
                Line($"phase {_phase}");
                return;
            case StepApplied step:
                Line(step.Control ? $"control step {step.Index + 1}: {step.Description}  (the fault without the remediation)" : $"step {step.Index + 1}: {step.Description}{(step.Fault ? "  (fault: t0)" : string.Empty)}");
                return;
            case RestoreItemDone r:
                Line($"restore {r.Item.Target}: {(r.Item.Verified ? "verified" : r.Item.Ok ? "restored" : "FAILED: " + r.Item.Error)}");
                return;
        }
    }

    private void Line(string text)
    {
        var stamped = $"[{Elapsed():0.0}s] {text}";
        if (Interactive)
        {
            _lines.Enqueue(stamped);
            while (_lines.Count > 6 && _lines.TryDequeue(out _))
            {
            }
        }
        else
        {
            lock (console)
            {
                console.WriteLine(stamped);
            }
        }
    }

    private double Elapsed() => time.GetElapsedTime(_start).TotalSeconds;

    /// <summary>Shows the live display until <paramref name="completion"/> ends (plain lines need no loop).</summary>
    public async Task ShowUntilAsync(Task completion)
    {
        if (!Interactive)
        {
            await completion.ConfigureAwait(false);
            return;
        }

        await console.Live(Render()).AutoClear(false).StartAsync(async ctx =>
        {
            while (!completion.IsCompleted)
            {
                ctx.UpdateTarget(Render());
                await Task.WhenAny(completion, Task.Delay(TimeSpan.FromMilliseconds(250), time)).ConfigureAwait(false);
            }

            ctx.UpdateTarget(Render());
        }).ConfigureAwait(false);
    }

    private IRenderable Render()
    {
        var counts = string.Join("   ", _classes.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"[bold]{Markup.Escape(c.Key)}[/] {c.Value.ToString(CultureInfo.InvariantCulture)}"));
        var rows = new List<IRenderable>
        {
            new Markup($"[bold]phase[/] {Markup.Escape(_phase)}   [bold]elapsed[/] {Elapsed():0.0}s   [bold]late[/] {_late}"),
            new Markup(counts.Length == 0 ? "[grey]no probe samples yet[/]" : counts),
        };
        rows.AddRange(_lines.Select(l => new Text(l, new Style(Color.Grey))));
        return new Panel(new Rows(rows)).Header("drill in progress").Border(BoxBorder.Rounded);
    }
}
