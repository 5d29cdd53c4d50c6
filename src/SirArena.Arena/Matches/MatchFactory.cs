using SirArena.Arena.Agents;
using SirArena.Arena.Replays;
using SirArena.Llm.Cache;
using SirArena.Llm.Inference;
using SirArena.Simulation.Agents;
using SirArena.Simulation.Loop;
using SirArena.Simulation.Scenarios;
using static TorchSharp.torch;

namespace SirArena.Arena.Matches;

/// <summary>
/// Builds matches from specs: the scenario from the catalog, the agent from its spec, language models loaded once
/// per folder and shared by every agent that names it (their weights are only read). Arena runs, `play` and replay
/// verification all build matches here, so a replay's header is enough to build its match again.
/// </summary>
/// <param name="device">where the models compute (CPU when null)</param>
public sealed class MatchFactory(ScenarioCatalog catalog, string defaultModelFolder, Device? device = null) : IDisposable
{
    readonly Dictionary<string, LanguageModel> models = new();

    public ScenarioCatalog Catalog => catalog;

    /// <param name="replayVersion">an earlier replay version to build the agent as replays of that version were played
    /// (answers deferred from version 3 on, see <see cref="IMemoryAgent.DefersAnswers"/>; candidates told apart by
    /// their distinguishing prefixes from version 6 on, see <see cref="LlmAgent.ScoresPrefixes"/>; keys stored
    /// unrotated from version 7 on, see <see cref="KeyStorage"/>)</param>
    public Match Create(MatchSpec spec, int replayVersion = ReplayHeader.CurrentVersion) =>
        new(catalog.Create(spec.Scenario, spec.Seed), CreateAgent(spec.Agent, spec.Seed, replayVersion));

    public IAgent CreateAgent(AgentSpec spec, ulong seed, int replayVersion = ReplayHeader.CurrentVersion)
    {
        spec.Validate();
        if (!spec.IsLlm) return BaselineAgents.Create(spec.Kind, seed);
        var model = ModelOf(spec)!;
        return new LlmAgent(spec.Name, model, spec.CreatePolicy(model.Decoder.Config.AttentionSpan),
            ChatFormat.For(spec.ChatFormat, model.Tokenizer.ChatTemplate, model.Folder),
            deferAnswers: replayVersion >= ReplayHeader.DeferredAnswerVersion,
            scoresPrefixes: replayVersion >= ReplayHeader.PrefixScoringVersion,
            keys: replayVersion >= ReplayHeader.UnrotatedKeysVersion ? KeyStorage.Unrotated : KeyStorage.Rotated);
    }

    /// <summary>The loaded model of a folder (loaded on first use).</summary>
    public LanguageModel Model(string folder)
    {
        var key = Path.GetFullPath(folder);
        lock (models)
        {
            if (!models.TryGetValue(key, out var model)) models[key] = model = LanguageModel.Load(folder, device);
            return model;
        }
    }

    /// <summary>The model an agent spec uses, or null for a baseline.</summary>
    public LanguageModel? ModelOf(AgentSpec spec) => spec.IsLlm ? Model(spec.Model ?? defaultModelFolder) : null;

    /// <summary>The content hash of the model an agent spec uses, or null for a baseline.</summary>
    public string? ModelHash(AgentSpec spec) => ModelOf(spec)?.ContentHash;

    public void Dispose()
    {
        foreach (var model in models.Values) model.Dispose();
    }
}
