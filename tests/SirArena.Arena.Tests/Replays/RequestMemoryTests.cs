using SirArena.Arena.Agents;
using SirArena.Arena.Matches;
using SirArena.Arena.Replays;
using SirArena.Arena.Tests.Support;
using SirArena.Simulation.Games.Grocery;
using SirArena.Simulation.Scenarios;

namespace SirArena.Arena.Tests.Replays;

public sealed class RequestMemoryTests : IDisposable
{
    const int Rounds = 40;
    readonly TinyModelFolder model = new(maxPositions: 4096);
    readonly ReplayFolder folder = new();
    readonly string scenarios = Path.Combine(Path.GetTempPath(), "sirarena-scenarios-" + Guid.NewGuid().ToString("N"));

    public RequestMemoryTests()
    {
        // Two grocery scenarios over the shipped items and questions: the recall right after one question, or twelve on.
        Directory.CreateDirectory(scenarios);
        var data = Path.Combine(ScenarioFolder.Locate(), "data");
        foreach (var (name, between) in new[] { ("near", 1), ("far", 12) })
            File.WriteAllText(Path.Combine(scenarios, name + ".json"),
                $$"""{ "kind": "grocery", "questionsBetween": {{between}}, "items": "{{Path.Combine(data, "grocery-items.json")}}", "questions": "{{Path.Combine(data, "grocery-questions.json")}}" }""");
    }

    public void Dispose()
    {
        Directory.Delete(scenarios, recursive: true);
        folder.Dispose();
        model.Dispose();
    }

    // The tiny test tokenizer spends about 100 tokens on a grocery round: 512 tokens hold the last five rounds or so,
    // 4,096 the whole match.
    [Theory]
    [InlineData("near", 512, true)]
    [InlineData("far", 512, false)]
    [InlineData("far", 4096, true)]
    public void A_request_counts_as_held_exactly_while_the_streaming_window_reaches_back_to_it(string scenario, int budget, bool held)
    {
        using var factory = new MatchFactory(ScenarioCatalog.Load(scenarios), model.Path);
        var spec = new MatchSpec(scenario, 3, new AgentSpec { Name = "streaming", Policy = "streaming", Budget = budget });
        var path = folder.File($"{scenario}-{budget}.jsonl");
        var recalls = new List<long>();
        ReplayFolder.Record(factory, spec, path, Rounds, afterRound: (result, _) =>
        {
            if (result is GroceryRoundResult { Kind: GroceryTurnKind.Recall }) recalls.Add(result.Turn.Round);
        });

        var atRecalls = RequestMemory.AtRecalls(path);

        recalls.Should().HaveCountGreaterThanOrEqualTo(2);
        atRecalls.Keys.Should().BeEquivalentTo(recalls);
        atRecalls.Values.Should().OnlyContain(value => value == held);
    }
}
