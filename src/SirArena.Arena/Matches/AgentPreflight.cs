using SirArena.Arena.Agents;
using SirArena.Llm.Checkpoints;
using SirArena.Llm.Memory;
using SirArena.Llm.Model;

namespace SirArena.Arena.Matches;

/// <summary>
/// Checks a language-model agent against the model it will run on before any match starts, so nothing is written
/// for a run that cannot finish: its budget against the model's max_position_embeddings or sliding window (read from
/// config.json alone), then the first round of each of its scenarios on a throw-away match, which is the one way to learn the
/// smallest chunk a round needs (it depends on the tokenizer and the scenario's text) and also catches a model that
/// scores NaN. Messages name the agent the way the caller's user wrote it: a key path of arena.json, or a flag.
/// </summary>
public static class AgentPreflight
{
    /// <summary>What is wrong with <paramref name="agent"/>'s budget for the model in <paramref name="modelFolder"/>, or null.</summary>
    /// <param name="budgetName">how the user named the budget: <c>arena.json: Arena:Agents:1 ("sir"): Budget</c> or <c>--budget</c></param>
    public static string? BudgetProblem(AgentSpec agent, string modelFolder, string budgetName)
    {
        if (!agent.IsLlm) return null;
        var configPath = Path.Combine(modelFolder, "config.json");
        // A missing folder or config.json is reported by the model load itself, with the folder's own message.
        if (!File.Exists(configPath)) return null;
        LlamaConfig config;
        try
        {
            config = LlamaConfig.Load(configPath);
        }
        catch (InvalidDataException e)
        {
            throw new CheckpointException(e.Message, e);
        }
        int limit = config.AttentionSpan;
        return agent.Budget > limit
            ? $"{budgetName} {agent.Budget} exceeds the model's {config.AttentionSpanKey} {limit} ({configPath}); expected {agent.Start + 1} to {limit}"
            : null;
    }

    /// <summary>
    /// Plays the first round of each scenario with <paramref name="agent"/> on a match that records nothing; a budget
    /// no round fits in becomes a <see cref="MemoryBudgetException"/> naming <paramref name="budgetName"/>.
    /// </summary>
    public static void FirstRounds(MatchFactory factory, AgentSpec agent, IEnumerable<string> scenarios, ulong seed, string budgetName)
    {
        if (!agent.IsLlm) return;
        foreach (var scenario in scenarios)
        {
            try
            {
                using var match = factory.Create(new MatchSpec(scenario, seed, agent));
                foreach (var _ in match.Play(1)) { }
            }
            catch (MemoryBudgetException e)
            {
                throw new MemoryBudgetException($"{budgetName} {agent.Budget} cannot hold the first round of \"{scenario}\": {e.Message}");
            }
        }
    }
}
