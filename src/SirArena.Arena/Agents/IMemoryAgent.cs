using SirArena.Llm.Cache;
using SirArena.Llm.Memory;
using SirArena.Simulation.Loop;

namespace SirArena.Arena.Agents;

/// <summary>
/// What the arena reads of an agent whose memory is a budget-held cache (the LLM agent): how full it is, its budget,
/// the decay its policy applies, and what the last round did to it. Replays, verification, serve and the live view
/// depend on this, never on how the agent keeps its memory.
/// </summary>
public interface IMemoryAgent : IAgent
{
    /// <summary>Tokens the memory holds now.</summary>
    int CachedTokens { get; }

    /// <summary>The most tokens the memory may hold.</summary>
    int Budget { get; }

    /// <summary>eta: the factor the policy multiplies every stored score by once per round (1 = no decay).</summary>
    float Eta { get; }

    /// <summary>What its memory ranks tokens by; a replay records the scores when they are not the surprisals.</summary>
    ScoreSource Scores { get; }

    /// <summary>True when a one-token answer's keys and values are computed with the next prompt instead of by a forward
    /// pass of its own (replay version 3); replays of versions 1 and 2 run them at once, and are verified that way.</summary>
    bool DefersAnswers { get; }

    /// <summary>True when candidates that share a first token are told apart by their distinguishing prefixes (replay
    /// version 6); earlier replays scored them whole, and are verified that way.</summary>
    bool ScoresPrefixes { get; }

    /// <summary>How its cache holds keys: unrotated from replay version 7 on; earlier replays were played with keys stored
    /// rotated, and are verified that way.</summary>
    KeyStorage Keys { get; }

    /// <summary>What the last round did to the memory (the replay's trace); null before the first round.</summary>
    LlmRoundTrace? LastTrace { get; }
}
