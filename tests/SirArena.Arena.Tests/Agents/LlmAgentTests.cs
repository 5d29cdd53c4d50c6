using SirArena.Arena.Agents;
using SirArena.Arena.Matches;
using SirArena.Arena.Tests.Support;
using SirArena.Simulation.Loop;
using SirArena.Simulation.Scenarios;

namespace SirArena.Arena.Tests.Agents;

public class LlmAgentTests
{
    [Fact]
    public void An_llm_agent_plays_rounds_keeping_its_cache_within_budget_and_tracing_every_token()
    {
        using var folder = new TinyModelFolder();
        using var factory = new MatchFactory(ScenarioCatalog.LoadDefault(), folder.Path);
        var match = factory.Create(new MatchSpec("rock-biased", 7, new AgentSpec { Name = "sir", Policy = "sir", Budget = 160, Eta = 0.9f }));
        using var agent = (LlmAgent)match.Agent;
        bool evicted = false;

        long expectedNext = 0;
        foreach (var result in match.Play(12))
        {
            var trace = agent.LastTrace!;
            trace.Prompt.FirstStreamIndex.Should().Be(expectedNext);
            trace.Answer.FirstStreamIndex.Should().Be(expectedNext + trace.Prompt.TokenIds.Length);
            string.Concat(trace.Prompt.TokenTexts).Should().Be(result.Turn.Prompt);
            string.Concat(trace.Answer.TokenTexts).Should().Be(result.Answer);
            trace.CachedTokens.Should().BeLessThanOrEqualTo(160);
            agent.CachedTokens.Should().Be(trace.CachedTokens, "the agent reports the fill its trace records");
            trace.Answer.Evicted.Should().BeEmpty("the prompt reserved room for the answer");
            evicted |= trace.Prompt.Evicted.Length > 0;
            result.Choice.Scores.Should().OnlyContain(s => s < 0, "they are log-probabilities");
            expectedNext = trace.Answer.FirstStreamIndex + trace.Answer.TokenIds.Length;
        }
        evicted.Should().BeTrue("the stream outgrew the budget of 160 tokens");
    }

    [Fact]
    public void The_arena_sees_an_llm_agents_budget_and_decay_through_its_memory_interface()
    {
        using var folder = new TinyModelFolder();
        using var factory = new MatchFactory(ScenarioCatalog.LoadDefault(), folder.Path);
        var match = factory.Create(new MatchSpec("rock-biased", 7, new AgentSpec { Name = "s", Policy = "sir", Budget = 200, Eta = 0.7f }));
        using var disposable = (IDisposable)match.Agent;

        var memory = match.Agent.Should().BeAssignableTo<IMemoryAgent>().Subject;
        (memory.Budget, memory.Eta, memory.CachedTokens, memory.LastTrace).Should().Be((200, 0.7f, 0, (LlmRoundTrace?)null));
        match.PlayRound();
        memory.CachedTokens.Should().BePositive().And.Be(memory.LastTrace!.CachedTokens);
    }

    [Fact]
    public void Grocery_items_that_share_a_first_token_are_scored_by_the_tokens_that_tell_them_apart()
    {
        using var folder = new TinyModelFolder();
        using var factory = new MatchFactory(ScenarioCatalog.LoadDefault(), folder.Path);
        var spec = new MatchSpec("grocery", 3, new AgentSpec { Name = "sir", Policy = "sir", Budget = 400 });
        var byPrefix = factory.Create(spec);
        var model = factory.ModelOf(spec.Agent)!;
        var whole = new Match(factory.Catalog.Create(spec.Scenario, spec.Seed), new LlmAgent(spec.Agent.Name, model,
            spec.Agent.CreatePolicy(model.Decoder.Config.AttentionSpan), ChatFormat.For(spec.Agent.ChatFormat, model.Tokenizer.ChatTemplate, model.Folder),
            scoresPrefixes: false));
        using var prefixAgent = (LlmAgent)byPrefix.Agent;
        using var wholeAgent = (LlmAgent)whole.Agent;
        int shared = 0;

        // Until the two choose differently their streams are the same, so their scores differ only where the rule does.
        for (int round = 0; round < 40; round++)
        {
            var a = byPrefix.PlayRound();
            var b = whole.PlayRound();
            var candidates = a.Turn.Candidates.Select(c => model.Tokenizer.Encode(c)).ToArray();
            var prefixes = DistinguishingPrefixes.Of(candidates);
            bool firstTokensDiffer = candidates.Select(c => c[0]).Distinct().Count() == candidates.Length;
            for (int i = 0; i < candidates.Length; i++)
            {
                if (firstTokensDiffer || prefixes[i].Length == candidates[i].Length)
                    a.Choice.Scores[i].Should().Be(b.Choice.Scores[i], $"round {round}: {a.Turn.Candidates[i]} is scored the same by both rules");
                else
                    a.Choice.Scores[i].Should().BeGreaterThan(b.Choice.Scores[i], $"round {round}: {a.Turn.Candidates[i]} is charged only for its first {prefixes[i].Length} tokens");
            }
            if (!firstTokensDiffer) shared++;
            if (a.Choice.Index != b.Choice.Index) break;
        }
        shared.Should().BePositive("some round must offer items that share a first token");
    }
}
