using SirArena.Arena.Agents;
using SirArena.Arena.Matches;
using SirArena.Arena.Reports;
using SirArena.Arena.Statistics;
using SirArena.Arena.Tests.Replays;
using SirArena.Arena.Tests.Statistics;
using SirArena.Arena.Tests.Support;
using SirArena.Simulation.Games.Grocery;
using SirArena.Simulation.Loop;
using SirArena.Simulation.Scenarios;
using SirArena.Simulation.Statistics;

namespace SirArena.Arena.Tests.Reports;

public sealed class ReportWriterTests : IDisposable
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "sirarena-report-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    private static IReadOnlyList<MatchOutcome> Arena() =>
    [
        .. SimulatedArena.PlayAll(["oracle", "frequency", "random"], [.. SimulatedArena.Biased, "switching"], seed: 17, rounds: 800),
        .. SimulatedArena.PlayAll(["oracle", "frequency", "random"], ["grocery-distances"], seed: 17, rounds: 1500),
    ];

    private static readonly ArenaDescription Description = new(
        [new("oracle", "-", "-", "-"), new("frequency", "-", "-", "-"), new("random", "-", "-", "-")],
        800, [17], "sirarena arena --config arena.json");

    [Fact]
    public void The_report_has_every_section_with_its_rows_and_plots_beside_it()
    {
        var options = new ReportOptions { Comparisons = [new AgentPair("frequency", "random"), new AgentPair("frequency", "absent")] };

        var files = ReportWriter.Write(Arena(), Description, _folder, options);

        files.Markdown.Should().Be(Path.Combine(_folder, "report.md"));
        var report = File.ReadAllText(files.Markdown);
        report.Should().Contain("sirarena arena --config arena.json");
        report.Should().Contain("| oracle | - | - | - |");
        report.Should().MatchRegex(@"\| rock-biased \| oracle \| 800 \| \d+\.\d% \[\d+\.\d, \d+\.\d\] \|");
        report.Should().MatchRegex(@"\| biased players, pooled \| random \| 2400 \|");
        report.Should().MatchRegex(@"\| biased players, pooled \| frequency - random \| 2400 \| 48 x 50 \| .* pts \[\+\d+\.\d, \+\d+\.\d\] \| \d+\.\d% \| \d+\.\d% \|");
        report.Should().NotContain("absent", "a pair whose agent did not play is skipped");
        report.Should().Contain("| 0-9 | 30 |", "3 switches of the switching player in 800 rounds, 10 rounds each");
        report.Should().MatchRegex(@"\| frequency \| 100\.0% \[\d+\.\d, 100\.0\] \|");
        report.Should().MatchRegex(@"\| 5-9 \| \d+ \| 100\.0% ");

        files.Plots.Select(Path.GetFileName).Should().BeEquivalentTo(
            "rolling-rock-biased.png", "rolling-paper-biased.png", "rolling-scissors-biased.png", "rolling-switching.png",
            "adaptivity-switching.png", "grocery-recall.png");
        foreach (var plot in files.Plots)
        {
            report.Should().Contain($"]({Path.GetFileName(plot)})");
            var bytes = File.ReadAllBytes(plot);
            bytes.Length.Should().BeGreaterThan(10_000, "a drawn plot, not an empty canvas");
            bytes.Take(8).Should().Equal(PngSignature);
        }
        File.Exists(files.Markdown + ".partial").Should().BeFalse();
    }

    [Fact]
    public void Sections_without_data_are_left_out()
    {
        var outcomes = SimulatedArena.PlayAll(["oracle", "random"], ["rock-biased"], seed: 2, rounds: 200);

        var files = ReportWriter.Write(outcomes, Description, _folder);

        var report = File.ReadAllText(files.Markdown);
        report.Should().Contain("## Win, tie and loss rates");
        report.Should().NotContain("## Paired differences").And.NotContain("## Adaptivity").And.NotContain("## Grocery");
        report.Should().NotContain("biased players, pooled", "one biased player is no pool");
        files.Plots.Select(Path.GetFileName).Should().Equal("rolling-rock-biased.png");
    }

    [Fact]
    public void Grocery_recall_is_split_by_the_reference_agents_memory_read_from_its_replay_in_the_folder()
    {
        using var model = new TinyModelFolder();
        using var factory = new MatchFactory(ScenarioCatalog.LoadDefault(), model.Path);
        var spec = new MatchSpec("grocery", 4, new AgentSpec { Name = "streaming", Policy = "streaming", Budget = 512 });
        Directory.CreateDirectory(_folder);
        var results = new List<RoundResult>();
        ReplayFolder.Record(factory, spec, Path.Combine(_folder, "grocery-streaming.jsonl"), 50, afterRound: (result, _) => results.Add(result));
        MatchOutcome[] outcomes = [new("streaming", "grocery", 4, results), SimulatedArena.Play("frequency", "grocery", 4, 50)];
        int recalls = results.OfType<GroceryRoundResult>().Count(r => r.Kind == GroceryTurnKind.Recall);

        var report = File.ReadAllText(ReportWriter.Write(outcomes, Description, _folder).Markdown);

        // Twenty questions of the tiny test tokenizer's ~100 tokens each lie far beyond 512 tokens.
        recalls.Should().BeGreaterThan(1);
        report.Should().Contain("| Agent | Request still in streaming's memory | Request beyond streaming's memory |");
        report.Should().Contain($"| frequency | n/a | 100.0% [{100 * new Proportion(recalls, recalls).WilsonInterval().Low:0.0}, 100.0] of {recalls} |");
    }
}
