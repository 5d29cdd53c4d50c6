using System.Text.Json.Serialization;
using SirArena.Arena.Agents;
using SirArena.Arena.Matches;
using SirArena.Simulation.Loop;
using SirArena.Llm.Cache;
using SirArena.Llm.Memory;
using TorchSharp;

namespace SirArena.Arena.Replays;

/// <summary>
/// The first line of a replay file. The format, version 1 for a baseline, 7 for a language-model agent and 8 for
/// sir-adaptive (earlier builds wrote 2 for a policy that does not rank by surprisal, 3 for an agent that defers its
/// answers, 4 or 5 for sir-adaptive, 6 before keys were stored unrotated, see <see cref="CurrentVersion"/>),
/// is JSON Lines: UTF-8, one JSON object per line, each line ended by "\n"; property names in camelCase, enums as
/// camelCase strings, floats in their shortest round-trip form (so scores read back bit for bit), NaN and infinities as
/// the strings "NaN", "Infinity", "-Infinity".
/// <list type="number">
/// <item>Line 1, this header: <c>{ "format": "sirarena-replay", "version": 1, "match": MatchSpec, "modelHash":
/// string|null, "eta": float, "createdUtc": ISO 8601, "previous": string|null, "firstRound": long, "threads": int|null }</c>.
/// <c>match</c> is everything that decides the match (scenario, seed, agent spec), so the match can be built again;
/// <c>modelHash</c> is <see cref="Llm.Inference.LanguageModel.ContentHash"/> (null for baselines); <c>eta</c> is the
/// decay the agent's memory policy applies per round (1 for baselines, full and streaming); <c>previous</c> names the
/// file before this one when a long match is split into a chain, and <c>firstRound</c> is then this file's first
/// round (0 otherwise); <c>threads</c> is how many intra-op threads the decoder ran on (see <see cref="Threads"/>).</item>
/// <item>Every further line, one per round in order, a <see cref="ReplayRound"/>: <c>{ "round": n, "result":
/// RoundResult, "trace": LlmRoundTrace|null }</c>. <c>result</c> carries a "game" discriminator ("rps",
/// "grocery"). <c>trace</c> holds the prompt's and the answer's chunks: first stream index, token ids and texts,
/// each token's surprisal (its score on entry) and the stream indices evicted to make room, then the cache fill;
/// version 2 adds a chunk's "scores" (key-norm) or a round's "heldScores" (attention policies), see
/// <see cref="Agents.ChunkTrace"/>.</item>
/// </list>
/// Files are only appended to; a crash can leave the last line cut off, which readers accept and report.
/// From the chunks in order and eta the retained set is rebuilt exactly: per chunk, drop the evicted indices, add the
/// new tokens at their surprisal; after each round, multiply every score by eta in single precision.
/// </summary>
public sealed record ReplayHeader(MatchSpec Match, string? ModelHash, float Eta, DateTime CreatedUtc, string? Previous = null, long FirstRound = 0)
{
    public const string FormatName = "sirarena-replay";
    /// <summary>Version 3: the same lines as version 2, but a one-token answer's keys and values were computed with
    /// the next prompt (<see cref="IMemoryAgent.DefersAnswers"/>), so `--verify` plays it that way and a build that
    /// does not cannot reproduce it. Written for every agent that defers its answers.</summary>
    public const int DeferredAnswerVersion = 3;
    /// <summary>Version 5: the lines of version 3, written for a sir-adaptive agent, whose decay also reads the
    /// surprisal a round brings and the rise of the model's surprisal on its key token in its own standard deviations
    /// (docs/sirllm.md, "Adaptive decay"); version 4 measured that rise in nats. A sir-adaptive replay of an earlier
    /// version chose etas this build does not: `--verify` says so instead of re-running it, and its memory still
    /// rebuilds from the etas it recorded.</summary>
    public const int AdaptiveDecayVersion = 5;
    /// <summary>Version 6: the lines of version 5 (version 3 for another policy that defers its answers, version 2 for
    /// one that does not), written for every language-model agent, which tells candidates that share a first token
    /// apart by their distinguishing prefixes (<see cref="IMemoryAgent.ScoresPrefixes"/>) where earlier versions scored
    /// them whole; `--verify` plays an earlier replay the earlier way.</summary>
    public const int PrefixScoringVersion = 6;
    /// <summary>Version 7: the lines of version 6, written for every language-model agent, whose cache holds keys
    /// unrotated and rotates them to their slots in every forward pass (<see cref="KeyStorage"/>), where
    /// earlier versions stored them rotated and re-rotated them when they moved, which leaves other last bits;
    /// `--verify` plays an earlier replay the earlier way.</summary>
    public const int UnrotatedKeysVersion = 7;
    /// <summary>Version 8: the lines of version 7, written for a sir-adaptive agent, whose decay counts its alarms in
    /// proportion to how clearly the opponent's favourite led (docs/sirllm.md, "Adaptive decay"); versions 5 to 7 were
    /// written by the decay before that gate. A sir-adaptive replay of an earlier version chose etas this build does
    /// not: `--verify` says so instead of re-running it, and its memory still rebuilds from the etas it recorded.</summary>
    public const int LeadGatedDecayVersion = 8;
    public const int CurrentVersion = LeadGatedDecayVersion;
    /// <summary>Version 2 adds a chunk's entry scores and a round's held scores, for policies that do not rank by
    /// surprisal (which never defer their answers).</summary>
    public const int ScoredPolicyVersion = 2;
    public const int SurprisalOnlyVersion = 1;

    [JsonPropertyOrder(-2)]
    public string Format { get; init; } = FormatName;

    [JsonPropertyOrder(-1)]
    public int Version { get; init; } = CurrentVersion;

    /// <summary>The intra-op threads the decoder ran on, which decide the last bits of its sums: `--verify` plays
    /// the match again on as many. Null for a baseline, and for a replay written before it was recorded.</summary>
    public int? Threads { get; init; }

    /// <summary>
    /// The header of a match about to be recorded. eta is read off the agent's own policy, so the rebuild decays with
    /// exactly the float the session used.
    /// </summary>
    public static ReplayHeader For(MatchSpec spec, IAgent agent, string? modelHash, DateTime createdUtc, string? previous = null, long firstRound = 0)
    {
        ArgumentNullException.ThrowIfNull(spec);
        float eta = agent is IMemoryAgent memory ? memory.Eta : 1f;
        return new ReplayHeader(spec, modelHash, eta, createdUtc, previous, firstRound)
        {
            Version = agent switch
            {
                IMemoryAgent { Keys: KeyStorage.Unrotated } when spec.Agent.AdaptsDecay => LeadGatedDecayVersion,
                IMemoryAgent { Keys: KeyStorage.Unrotated } => UnrotatedKeysVersion,
                IMemoryAgent { ScoresPrefixes: true } => PrefixScoringVersion,
                IMemoryAgent { DefersAnswers: true } when spec.Agent.AdaptsDecay => AdaptiveDecayVersion,
                IMemoryAgent { DefersAnswers: true } => DeferredAnswerVersion,
                IMemoryAgent { Scores: var scores } when !scores.EntersAtSurprisal() => ScoredPolicyVersion,
                _ => SurprisalOnlyVersion,
            },
            Threads = agent is IMemoryAgent ? torch.get_num_threads() : null,
        };
    }
}
