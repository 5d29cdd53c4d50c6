using SirArena.Arena.Agents;
using SirArena.Arena.Matches;
using SirArena.Arena.Replays;
using SirArena.Arena.Tests.Support;
using SirArena.Simulation.Games.RockPaperScissors;
using SirArena.Simulation.Scenarios;

namespace SirArena.Arena.Tests.Replays;

public class ContextAgreementTests
{
    [Fact]
    public void Agreement_read_from_a_replay_counts_the_moves_the_live_cache_held()
    {
        using var model = new TinyModelFolder();
        using var folder = new ReplayFolder();
        using var factory = new MatchFactory(ScenarioCatalog.LoadDefault(), model.Path);
        var spec = new MatchSpec("rock-biased", 5, new AgentSpec { Name = "sir", Policy = "sir", Budget = 160, Eta = 0.9f });
        var match = factory.Create(spec);
        var agent = (LlmAgent)match.Agent;
        var tokenizer = factory.Model(model.Path).Tokenizer;
        var moves = MoveRules.All.ToDictionary(MoveRules.Name, m => m);
        var path = folder.File("m.jsonl");
        long agreed = 0, counted = 0;
        using (var recorder = ReplayRecorder.Open(path, spec, match, factory))
        {
            foreach (var result in match.Play(40))
            {
                recorder.Record(result);
                var counts = new int[3];
                foreach (var token in agent.Session.Retained())
                    if (moves.TryGetValue(tokenizer.TokenText(token.TokenId), out var move)) counts[(int)move]++;
                int most = counts.Max();
                if (most == 0 || counts.Count(c => c == most) > 1) continue;
                counted++;
                if (((RpsRoundResult)result).AgentMove == MoveRules.BeaterOf((Move)Array.IndexOf(counts, most))) agreed++;
            }
        }

        var fromReplay = ContextAgreement.Of(path);

        counted.Should().BeGreaterThan(20, "moves must be visible for the comparison to mean anything");
        fromReplay.Trials.Should().Be(counted);
        fromReplay.Successes.Should().Be(agreed);
    }
}
