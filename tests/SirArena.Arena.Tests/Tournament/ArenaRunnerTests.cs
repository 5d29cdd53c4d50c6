using System.Runtime.InteropServices;
using SirArena.Arena.Agents;
using SirArena.Arena.Matches;
using SirArena.Arena.Replays;
using SirArena.Arena.Tests.Support;
using SirArena.Arena.Tournament;
using SirArena.Simulation.Loop;
using SirArena.Simulation.Scenarios;

namespace SirArena.Arena.Tests.Tournament;

public sealed class ArenaRunnerTests : IDisposable
{
    readonly TinyModelFolder model = new();
    readonly string folder = Path.Combine(Path.GetTempPath(), "sirarena-runner-" + Guid.NewGuid().ToString("N"));

    ArenaOptions Options(int parallelism) => new()
    {
        Rounds = 20,
        Seeds = [4],
        Opponents = ["rock-biased", "switching"],
        Agents =
        [
            new AgentSpec { Name = "sir", Budget = 200 },
            new AgentSpec { Name = "oracle", Kind = "oracle" },
            new AgentSpec { Name = "frequency", Kind = "frequency" },
        ],
        Parallelism = parallelism,
    };

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task A_match_that_throws_fails_alone_and_every_other_match_finishes(int parallelism)
    {
        using var factory = new MatchFactory(ScenarioCatalog.Load(ScenarioFolder.Locate()), model.Path);
        var recorders = new FailingRecorders(new ReplayRecorderFactory(folder, factory),
            spec => spec.Agent.Name == "frequency" && spec.Scenario == "switching", failAtRound: 7);

        var result = await new ArenaRunner(factory, recorders).RunAsync(Options(parallelism), null, CancellationToken.None);

        result.Outcomes.Should().HaveCount(5);
        result.Outcomes.Should().OnlyContain(o => o.Rounds.Count == 20);
        var failure = result.Failures.Should().ContainSingle().Subject;
        failure.Spec.Agent.Name.Should().Be("frequency");
        failure.RoundsPlayed.Should().Be(7);
        failure.ToString().Should().Be("switching / frequency / seed 4: failed after 7 rounds: ExternalException: Expected false to be true, but got false.")
            .And.NotContain("\n");
    }

    [Fact]
    public async Task Resuming_reads_complete_replays_back_and_plays_only_the_missing_and_cut_ones_to_the_same_results()
    {
        using var factory = new MatchFactory(ScenarioCatalog.Load(ScenarioFolder.Locate()), model.Path);
        var options = Options(2);
        var first = await new ArenaRunner(factory, new ReplayRecorderFactory(folder, factory)).RunAsync(options, null, CancellationToken.None);
        var replays = Directory.GetFiles(folder, "*.jsonl").Order().ToArray();
        replays.Should().HaveCount(6);
        File.Delete(replays[0]);
        var cut = File.ReadAllLines(replays[1]);
        File.WriteAllLines(replays[1], cut.Take(cut.Length - 3));

        var resumed = await new ArenaRunner(factory, new ReplayRecorderFactory(folder, factory), new FinishedMatches(folder, factory))
            .RunAsync(options, null, CancellationToken.None);

        resumed.ReadBack.Should().Be(4);
        resumed.Failures.Should().BeEmpty();
        resumed.Outcomes.Select(o => (o.Agent, o.Scenario, o.Seed)).Should().Equal(first.Outcomes.Select(o => (o.Agent, o.Scenario, o.Seed)));
        for (int m = 0; m < first.Outcomes.Count; m++)
            resumed.Outcomes[m].Rounds.Select(Describe).Should().Equal(first.Outcomes[m].Rounds.Select(Describe), $"match {m} must read back or replay as it was played");
        File.ReadAllLines(replays[1]).Skip(1).Should().Equal(cut.Skip(1), "the cut replay is played again, line for line");
        File.Exists(replays[0]).Should().BeTrue("the missing replay is played again");
    }

    [Fact]
    public async Task Resuming_a_folder_whose_replay_records_another_match_is_refused_with_the_file_named()
    {
        using var factory = new MatchFactory(ScenarioCatalog.Load(ScenarioFolder.Locate()), model.Path);
        var options = Options(1);
        await new ArenaRunner(factory, new ReplayRecorderFactory(folder, factory)).RunAsync(options, null, CancellationToken.None);
        var other = options with { Agents = [options.Agents[0] with { Budget = 300 }, .. options.Agents[1..]] };

        var act = () => new ArenaRunner(factory, new ReplayRecorderFactory(folder, factory), new FinishedMatches(folder, factory))
            .RunAsync(other, null, CancellationToken.None);

        (await act.Should().ThrowAsync<InvalidDataException>()).WithMessage("*rock-biased-sir-s4.jsonl*records another match*");
    }

    static string Describe(RoundResult round) => $"{round.Turn.Round} {round.Choice.Index} {round.Outcome} {string.Join(",", round.Choice.Scores.Select(s => s.ToString("R")))}";

    public void Dispose()
    {
        model.Dispose();
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }

    /// <summary>Records through <paramref name="inner"/>, but the chosen match's recorder throws the native error the
    /// arena once died of when it reaches <paramref name="failAtRound"/>.</summary>
    sealed class FailingRecorders(IMatchRecorderFactory inner, Func<MatchSpec, bool> fails, int failAtRound) : IMatchRecorderFactory
    {
        public IMatchRecorder Open(MatchSpec spec, Match match) => fails(spec) ? new Failing(inner.Open(spec, match), failAtRound) : inner.Open(spec, match);

        sealed class Failing(IMatchRecorder inner, int failAt) : IMatchRecorder
        {
            int recorded;

            public void Record(RoundResult result)
            {
                if (recorded == failAt)
                    throw new ExternalException("Expected false to be true, but got false.\nException raised from toFloat at /pytorch/c10/core/Scalar.h:140");
                inner.Record(result);
                recorded++;
            }

            public void Dispose() => inner.Dispose();
        }
    }
}
