using SirArena.Arena.Agents;
using SirArena.Arena.Matches;
using SirArena.Arena.Tests.Support;
using SirArena.Llm.Memory;
using SirArena.Simulation.Loop;
using SirArena.Simulation.Scenarios;

namespace SirArena.Arena.Tests.Replays;

/// <summary>
/// One SirLLM match (eta 0.9, a budget small enough that the prompt evicts most rounds) on the tiny test model,
/// recorded once and shared by the replay tests, with the live session's retained set and each round's trace and
/// result as they were while it played.
/// </summary>
public sealed class RecordedLlmMatch : IDisposable
{
    public const int Rounds = 20;

    readonly TinyModelFolder model = new();

    public ReplayFolder Folder { get; } = new();
    public string ModelFolder => model.Path;
    public MatchFactory Factory { get; }
    public MatchSpec Spec { get; } = new("rock-biased", 11, new AgentSpec { Name = "sir-160", Policy = "sir", Budget = 160, Eta = 0.9f });
    public string File { get; }
    public List<RetainedToken[]> LiveRetained { get; } = [];
    public List<LlmRoundTrace> LiveTraces { get; } = [];
    public List<RoundResult> LiveResults { get; } = [];

    public RecordedLlmMatch()
    {
        Factory = new MatchFactory(ScenarioCatalog.LoadDefault(), model.Path);
        File = Folder.File("sir.jsonl");
        var match = ReplayFolder.Record(Factory, Spec, File, Rounds, afterRound: (result, m) =>
        {
            var agent = (LlmAgent)m.Agent;
            LiveRetained.Add(agent.Session.Retained());
            LiveTraces.Add(agent.LastTrace!);
            LiveResults.Add(result);
        });
        ((LlmAgent)match.Agent).Dispose();
    }

    public void Dispose()
    {
        Factory.Dispose();
        Folder.Dispose();
        model.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class RecordedLlmMatchCollection : ICollectionFixture<RecordedLlmMatch>
{
    public const string Name = "recorded llm match";
}
