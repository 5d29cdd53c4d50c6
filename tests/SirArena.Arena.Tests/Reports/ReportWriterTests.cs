using SirArena.Arena.Agents;
using SirArena.Arena.Matches;
using SirArena.Arena.Reports;
using SirArena.Arena.Statistics;
using SirArena.Arena.Tests.Replays;
using SirArena.Arena.Tests.Statistics;
using SirArena.Arena.Tests.Support;
using SirArena.Simulation.Games.Grocery;
using SirArena.Simulation.Loop;
using SirArena.Simulation.Opponents;
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
        var options = new ReportOptions
        {
            Comparisons = [new AgentPair("frequency", "random"), new AgentPair("frequency", "absent")],
            Pools = new Dictionary<string, string[]> { ["biased"] = SimulatedArena.Biased },
            Switching = SwitchPoints.Schedules(SimulatedArena.Catalog, ["switching"]),
        };

        var files = ReportWriter.Write(Arena(), Description, _folder, options);

        files.Markdown.Should().Be(Path.Combine(_folder, "report.md"));
        var report = File.ReadAllText(files.Markdown);
        report.Should().Contain("sirarena arena --config arena.json");
        report.Should().Contain("| oracle | - | - | - |");
        report.Should().MatchRegex(@"\| rock-biased \| oracle \| 800 \| \d+\.\d% \[\d+\.\d, \d+\.\d\] \|");
        report.Should().MatchRegex(@"\| biased players, pooled \| random \| 2400 \|");
        report.Should().MatchRegex(@"\| biased players, pooled \| frequency - random \| 2400 \| 48 x 50 \| .* pts \[\+\d+\.\d, \+\d+\.\d\] \| \d+\.\d% \| \d+\.\d% \[\d+\.\d, \d+\.\d\] \|");
        report.Should().NotContain("absent", "a pair whose agent did not play is skipped");
        report.Should().Contain("| 0-9 | 30 |", "3 switches of the switching player in 800 rounds, 10 rounds each");
        report.Should().MatchRegex(@"\| frequency \| 100\.0% \[\d+\.\d, 100\.0\] \|");
        report.Should().MatchRegex(@"\| 5-9 \| \d+ \| 100\.0% ");

        files.Plots.Select(Path.GetFileName).Should().BeEquivalentTo(
            "rolling-rock-biased.png", "rolling-paper-biased.png", "rolling-scissors-biased.png", "rolling-switching.png",
            "rolling-difference-rock-biased.png", "rolling-difference-paper-biased.png", "rolling-difference-scissors-biased.png",
            "rolling-difference-switching.png", "adaptivity-switching.png", "grocery-recall-grocery-distances.png");
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
    public void Each_player_with_a_readable_rule_gets_its_win_rate_from_the_round_the_rule_has_shown_twice()
    {
        var outcomes = SimulatedArena.PlayAll(["oracle", "random"], ["cyclic-4", "beat-last", "rock-biased"], seed: 5, rounds: 200);
        var patterns = VisiblePatterns.Of(SimulatedArena.Catalog, ["cyclic-4", "beat-last", "rock-biased"]);

        var report = File.ReadAllText(ReportWriter.Write(outcomes, Description, _folder, new ReportOptions { Patterns = patterns }).Markdown);

        patterns.Should().BeEquivalentTo(new Dictionary<string, int> { ["cyclic-4"] = 8, ["beat-last"] = 2 });
        report.Should().Contain("## Following the rule (cyclic-4)").And.Contain("Win rate from round 8 on");
        report.Should().Contain("## Following the rule (beat-last)").And.Contain("Win rate from round 2 on");
        report.Should().NotContain("Following the rule (rock-biased)");
        report.Should().MatchRegex(@"\| oracle \| 192 \| 100\.0% ", "the oracle wins every round of cyclic-4 counted from round 8");
        var random = VisiblePatterns.WinsAfter(outcomes.Where(o => o.Agent == "random" && o.Scenario == "cyclic-4"), 8);
        random.Trials.Should().Be(192);
        report.Should().Contain($"| random | 192 | {Cells.Rate(random)} |");
    }

    [Fact]
    public void Without_pools_the_rates_and_differences_are_per_scenario_only()
    {
        var outcomes = SimulatedArena.PlayAll(["frequency", "random"], SimulatedArena.Biased, seed: 5, rounds: 200);

        var report = File.ReadAllText(ReportWriter.Write(outcomes, Description, _folder,
            new ReportOptions { Comparisons = [new AgentPair("frequency", "random")] }).Markdown);

        report.Should().MatchRegex(@"\| scissors-biased \| frequency - random \| 200 \|");
        report.Should().NotContain(", pooled |", "no pool was named, and none is assumed from the scenarios' names");
    }

    [Fact]
    public void Renamed_biased_and_switching_scenarios_stay_in_their_pool_and_every_switching_scenario_gets_its_adaptivity_section()
    {
        var scenarios = Path.Combine(_folder, "scenarios");
        Directory.CreateDirectory(scenarios);
        var shipped = ScenarioFolder.Locate();
        File.Copy(Path.Combine(shipped, "rock-biased.json"), Path.Combine(scenarios, "stone-lover.json"));
        File.Copy(Path.Combine(shipped, "paper-biased.json"), Path.Combine(scenarios, "paper-biased.json"));
        File.Copy(Path.Combine(shipped, "switching.json"), Path.Combine(scenarios, "switching.json"));
        File.WriteAllText(Path.Combine(scenarios, "fickle.json"),
            File.ReadAllText(Path.Combine(shipped, "switching.json")).Replace("\"period\": 200", "\"period\": 100"));
        var catalog = ScenarioCatalog.Load(scenarios);
        var outcomes = SimulatedArena.PlayAll(["oracle", "frequency"], ["stone-lover", "paper-biased", "switching", "fickle"], seed: 9, rounds: 400, catalog);
        var options = new ReportOptions
        {
            Comparisons = [new AgentPair("frequency", "oracle")],
            Pools = new Dictionary<string, string[]> { ["lopsided"] = ["stone-lover", "paper-biased"] },
            Switching = SwitchPoints.Schedules(catalog, catalog.Names),
        };

        var files = ReportWriter.Write(outcomes, Description, _folder, options);

        var report = File.ReadAllText(files.Markdown);
        report.Should().MatchRegex(@"\| lopsided players, pooled \| oracle \| 800 \|", "the renamed rock player is pooled by the name the arena gives it");
        report.Should().MatchRegex(@"\| lopsided players, pooled \| frequency - oracle \| 800 \|");
        var fickle = Section(report, "## Adaptivity after switches (fickle)");
        fickle.Should().Contain("| 0-9 | 30 |", "switches at rounds 100, 200 and 300 of 400, 10 rounds each").And.Contain("| 90-99 | 30 |");
        fickle.Should().NotContain("| 100-109 |", "the horizon is fickle's own period");
        Section(report, "## Adaptivity after switches (switching)").Should().Contain("| 0-9 | 10 |").And.Contain("| 190-199 | 10 |");
        report.Should().NotContain("(stone-lover)", "a biased player does not switch");
        files.Plots.Select(Path.GetFileName).Should().Contain(["adaptivity-fickle.png", "adaptivity-switching.png"]);
    }

    [Fact]
    public void Each_grocery_scenario_has_its_own_recall_tables_and_plot()
    {
        MatchOutcome[] outcomes =
        [
            .. SimulatedArena.PlayAll(["frequency", "random"], ["grocery"], seed: 4, rounds: 230),
            .. SimulatedArena.PlayAll(["frequency", "random"], ["grocery-distances"], seed: 4, rounds: 700),
        ];
        int Recalls(string scenario) => outcomes.First(o => o.Scenario == scenario).Rounds
            .OfType<GroceryRoundResult>().Count(r => r.Kind == GroceryTurnKind.Recall);
        Recalls("grocery").Should().NotBe(Recalls("grocery-distances"), "else the rows below could not tell the scenarios apart");

        var files = ReportWriter.Write(outcomes, Description, _folder);

        var report = File.ReadAllText(files.Markdown);
        foreach (var scenario in new[] { "grocery", "grocery-distances" })
        {
            var n = Recalls(scenario);
            Section(report, $"## Grocery recall ({scenario})").Should().Contain(
                $"| frequency | 100.0% [{100 * new Proportion(n, n).WilsonInterval().Low:0.0}, 100.0] |", "the counter recalls every one of this scenario's {0} requests", n);
        }
        Section(report, "## Grocery recall (grocery)").Should().Contain("| 20-24 |").And.NotContain("| 0-4 |", "the paper's task always asks 20 questions in between");
        report.Should().NotContain("## Grocery recall\n", "no section pools the two scenarios");
        files.Plots.Select(Path.GetFileName).Should().Equal("grocery-recall-grocery.png", "grocery-recall-grocery-distances.png");
    }

    /// <summary>The text of the section under <paramref name="heading"/>, up to the next heading.</summary>
    private static string Section(string report, string heading)
    {
        var start = report.IndexOf(heading + "\n", StringComparison.Ordinal);
        start.Should().BeGreaterThanOrEqualTo(0, "the report has a section \"{0}\"", heading);
        var end = report.IndexOf("\n## ", start + heading.Length, StringComparison.Ordinal);
        return end < 0 ? report[start..] : report[start..end];
    }

    [Fact]
    public void A_leaderboard_pairs_each_agent_with_its_own_budgets_baseline_and_appears_only_across_budgets()
    {
        var outcomes = Arena();
        var options = new ReportOptions
        {
            Pools = new Dictionary<string, string[]> { ["biased"] = SimulatedArena.Biased },
            Switching = new Dictionary<string, ISwitchSchedule> { ["switching"] = SimulatedArena.Switching },
            Leaderboard = [new("oracle", "oracle", 256, "random"), new("random", "random", 256, "random"), new("frequency", "frequency", 512, "frequency")],
        };

        var report = File.ReadAllText(ReportWriter.Write(outcomes, Description, _folder, options).Markdown);

        var leaderboard = Section(report, "## Leaderboard").Split('\n').Where(l => l.StartsWith('|')).ToArray();
        leaderboard.Should().HaveCount(5, "a header, its rule and three agents");
        leaderboard[0].Should().Contain("Win, biased players, pooled").And.Contain("after a switch");
        var oracle = PairedDifference.Compare(outcomes, "oracle", "random", SimulatedArena.Biased)!;
        leaderboard[2].Should().StartWith("| 256 | oracle |").And.Contain(FormattableString.Invariant($"{100 * oracle.Difference.Mean:+0.0} pts"));
        leaderboard[3].Should().StartWith("| 256 | random |").And.Contain("baseline");
        leaderboard[4].Should().StartWith("| 512 | frequency |");

        var single = options with { Leaderboard = [new("oracle", "oracle", 512, "random"), new("random", "random", 512, "random")] };
        File.ReadAllText(ReportWriter.Write(outcomes, Description, _folder, single).Markdown).Should().NotContain("## Leaderboard");
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
