using System.Globalization;
using SirArena.Cli.Views;

namespace SirArena.Cli.Benchmarks;

/// <summary>
/// The inspector page of a replay (<c>replay FILE --html</c>) in headless chromium: its size, the time until its data
/// are parsed and the opening round is shown (the page's load event: the data and the script are inline, so the load
/// waits for both), and the time a slider move takes to rebuild the memory and lay out the view, for one step, a jump
/// from the first to the last round (every round's change applied once) and a jump back to the middle (from the
/// nearest checkpoint). Times come from the page's own clock (performance.now); each repeat is a fresh browser;
/// medians over repeats.
/// </summary>
public sealed class InspectorBenchmark(TextWriter output)
{
    /// <summary>Moves the slider to a round as a user's drag does (an input event) and forces layout; returns ms.</summary>
    const string MoveScript = """
        (round => {
          const slider = document.getElementById("slider");
          const started = performance.now();
          slider.value = round;
          slider.dispatchEvent(new Event("input"));
          void document.body.offsetHeight;
          return performance.now() - started;
        })
        """;

    public async Task RunAsync(string replay, string? rounds, int repeats, CancellationToken cancellation)
    {
        var folder = Directory.CreateTempSubdirectory("sirarena-bench-inspector-").FullName;
        try
        {
            var page = Path.Combine(folder, "inspector.html");
            var range = InspectorPage.Write(replay, page, null, rounds, null, prefix: false, TextWriter.Null, TextWriter.Null);
            output.WriteLine(Invariant($"inspector: {replay}, rounds {range.From} to {range.To} ({range.Count} rounds), page {new FileInfo(page).Length / 1048576.0:F1} MiB; median of {repeats} repeats, a fresh headless chromium each"));
            output.WriteLine();
            output.WriteLine("| repeat | data ready (ms) | one step (ms) | first to last round (ms) | back to the middle (ms) | JS heap (MiB) |");
            output.WriteLine("|---:|---:|---:|---:|---:|---:|");
            var samples = new List<double[]>();
            for (int r = 0; r < repeats; r++)
            {
                var sample = await MeasureAsync(page, range, cancellation);
                samples.Add(sample);
                output.WriteLine(Invariant($"| {r + 1} | {sample[0]:F0} | {sample[1]:F1} | {sample[2]:F0} | {sample[3]:F1} | {sample[4]:F0} |"));
            }
            double M(int i) => Median.Of(samples.Select(s => s[i]));
            output.WriteLine(Invariant($"| median | {M(0):F0} | {M(1):F1} | {M(2):F0} | {M(3):F1} | {M(4):F0} |"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    static async Task<double[]> MeasureAsync(string page, RoundRange range, CancellationToken cancellation)
    {
        await using var browser = await DevToolsPage.OpenAsync(new Uri(page).AbsoluteUri, cancellation);
        // Ready: the load event has fired and the page has shown its opening round.
        while ((bool?)await browser.Evaluate("document.readyState === 'complete' && document.body.dataset.round !== undefined", cancellation) != true)
            await Task.Delay(20, cancellation);
        double ready = Number(await browser.Evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd", cancellation));
        double step = await MoveAsync(browser, range.From + 1, cancellation);
        double toLast = await MoveAsync(browser, range.To, cancellation);
        double back = await MoveAsync(browser, range.From + range.Count / 2, cancellation);
        double heap = Number(await browser.Evaluate("performance.memory ? performance.memory.usedJSHeapSize : NaN", cancellation)) / 1048576;
        return [ready, step, toLast, back, heap];
    }

    static async Task<double> MoveAsync(DevToolsPage browser, long round, CancellationToken cancellation)
    {
        double ms = Number(await browser.Evaluate(Invariant($"{MoveScript}({round})"), cancellation));
        var shown = (string?)await browser.Evaluate("document.body.dataset.round", cancellation);
        if (shown != round.ToString(CultureInfo.InvariantCulture))
            throw new InvalidOperationException(Invariant($"the inspector page shows round {shown} after the slider moved to {round}"));
        return ms;
    }

    static double Number(System.Text.Json.Nodes.JsonNode? value) => value?.GetValue<double>() ?? double.NaN;

    static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
