using SirArena.Arena.Agents;
using SirArena.Arena.Matches;
using SirArena.Arena.Replays;
using SirArena.Arena.Tests.Support;
using SirArena.Llm.Memory;
using SirArena.Simulation.Scenarios;

namespace SirArena.Arena.Tests.Replays;

/// <summary>
/// Replays of the policies that rank by attention or key norms record their scores (replay format version 2), so the
/// rebuilt memory equals the live one to the bit and --verify re-runs them, as for SirLLM.
/// </summary>
public sealed class ScoredPolicyReplayTests : IDisposable
{
    const int Rounds = 16;
    readonly TinyModelFolder model = new();
    readonly ReplayFolder folder = new();
    readonly MatchFactory factory;

    public ScoredPolicyReplayTests() => factory = new MatchFactory(ScenarioCatalog.LoadDefault(), model.Path);

    public void Dispose()
    {
        factory.Dispose();
        folder.Dispose();
        model.Dispose();
    }

    [Theory]
    [InlineData("h2o")]
    [InlineData("tova")]
    [InlineData("knorm")]
    public void The_rebuilt_memory_equals_the_live_one_every_round_and_the_replay_verifies(string policy)
    {
        var spec = new MatchSpec("grocery", 5, new AgentSpec { Name = policy, Policy = policy, Budget = 160 });
        var file = folder.File(policy + ".jsonl");
        var live = new List<RetainedToken[]>();
        var match = ReplayFolder.Record(factory, spec, file, Rounds, afterRound: (_, m) => live.Add(((LlmAgent)m.Agent).Session.Retained()));
        ((LlmAgent)match.Agent).Dispose();

        var replay = ReplayFile.Load(file);
        replay.Header.Version.Should().Be(ReplayHeader.UnrotatedKeysVersion, "only sir-adaptive writes a later version");
        replay.Rounds.Count(r => r.Trace!.Prompt.Evicted.Length > 0).Should().BePositive("the budget must evict for this to mean anything");
        var rebuilt = new RetainedSet(replay.Header.Eta);
        foreach (var round in replay.Rounds)
        {
            rebuilt.Apply(round.Trace!);
            rebuilt.Tokens.Select(t => (t.StreamIndex, t.TokenId, t.Score))
                .Should().Equal(live[(int)round.Round].Select(t => (t.StreamIndex, t.TokenId, t.Score)), $"round {round.Round}");
        }
        rebuilt.Tokens.Select(t => t.Score).Should().NotEqual(
            replay.Rounds.SelectMany(r => new[] { r.Trace!.Prompt, r.Trace.Answer }).SelectMany(c => c.Surprisal).TakeLast(rebuilt.Tokens.Count),
            "the scores are the policy's, not the surprisals");

        var verdict = new ReplayVerifier(factory).Verify(file);
        verdict.Reproduced.Should().BeTrue(verdict.Message);
    }

    [Fact]
    public void A_sir_replay_is_written_at_the_present_version_with_no_scores_beside_the_surprisals()
    {
        var spec = new MatchSpec("rock-biased", 5, new AgentSpec { Name = "sir", Policy = "sir", Budget = 160 });
        var file = folder.File("sir.jsonl");
        ((LlmAgent)ReplayFolder.Record(factory, spec, file, 2).Agent).Dispose();

        var replay = ReplayFile.Load(file);
        replay.Header.Version.Should().Be(ReplayHeader.UnrotatedKeysVersion, "only sir-adaptive writes a later version");
        replay.Rounds.Should().OnlyContain(r => r.Trace!.Prompt.Scores == null && r.Trace.Answer.Scores == null && r.Trace.HeldScores == null);
        File.ReadAllText(file).Should().NotContain("heldScores");
    }

    [Fact]
    public void A_replay_made_with_every_answer_run_at_once_is_version_1_and_verifies_only_played_that_way()
    {
        var spec = new MatchSpec("rock-biased", 5, new AgentSpec { Name = "sir", Policy = "sir", Budget = 160 });
        var file = folder.File("sir-v1.jsonl");
        ((LlmAgent)ReplayFolder.Record(factory, spec, file, Rounds, replayVersion: ReplayHeader.SurprisalOnlyVersion).Agent).Dispose();

        ReplayFile.Load(file).Header.Version.Should().Be(ReplayHeader.SurprisalOnlyVersion);
        var verifier = new ReplayVerifier(factory);
        verifier.Verify(file).Reproduced.Should().BeTrue("the verifier runs a version 1 replay's answers at once");

        ReplayFolder.Relabel(file, 1, 3);
        verifier.Verify(file).Reproduced.Should().BeFalse("deferring the answers changes what the model computes");
    }

    [Theory]
    [InlineData(ReplayHeader.DeferredAnswerVersion)]
    [InlineData(ReplayHeader.AdaptiveDecayVersion - 1)]
    [InlineData(ReplayHeader.UnrotatedKeysVersion)]
    public void A_sir_adaptive_replay_from_before_the_present_decay_is_not_re_run_but_still_rebuilds(int olderVersion)
    {
        var spec = new MatchSpec("rock-biased", 5, new AgentSpec { Name = "adaptive", Policy = "sir-adaptive", Budget = 160 });
        var file = folder.File("adaptive.jsonl");
        ((LlmAgent)ReplayFolder.Record(factory, spec, file, Rounds).Agent).Dispose();
        ReplayFile.Load(file).Header.Version.Should().Be(ReplayHeader.CurrentVersion);
        var verifier = new ReplayVerifier(factory);
        verifier.Verify(file).Reproduced.Should().BeTrue("a replay of this build verifies");

        ReplayFolder.Relabel(file, ReplayHeader.CurrentVersion, olderVersion);
        var verdict = verifier.Verify(file);

        verdict.Reproduced.Should().BeFalse();
        verdict.FirstDifferentRound.Should().BeNull("it is not re-run at all");
        verdict.Message.Should().Contain("earlier adaptive decay").And.Contain($"version {olderVersion}");
        ReplayRoundView.Read(file, Rounds - 1).Retained.Should().NotBeEmpty("its memory still rebuilds from the recorded etas");
    }

    [Fact]
    public void A_grocery_replay_from_before_distinguishing_prefixes_verifies_only_played_with_whole_candidates()
    {
        var spec = new MatchSpec("grocery", 3, new AgentSpec { Name = "sir", Policy = "sir", Budget = 400 });
        var file = folder.File("grocery-v5.jsonl");
        ((LlmAgent)ReplayFolder.Record(factory, spec, file, 40, replayVersion: ReplayHeader.DeferredAnswerVersion).Agent).Dispose();
        ReplayFile.Load(file).Header.Version.Should().Be(ReplayHeader.DeferredAnswerVersion);
        var verifier = new ReplayVerifier(factory);
        verifier.Verify(file).Reproduced.Should().BeTrue("the verifier scores a version 3 replay's candidates whole");

        ReplayFolder.Relabel(file, ReplayHeader.DeferredAnswerVersion, ReplayHeader.CurrentVersion);
        verifier.Verify(file).Reproduced.Should().BeFalse("distinguishing prefixes score items that share a first token otherwise");
    }
}
