using SirArena.Simulation.Games.Grocery;
using SirArena.Simulation.Games.RockPaperScissors;
using SirArena.Simulation.Loop;

namespace SirArena.Simulation.Agents;

/// <summary>
/// What a simple bot does with unlimited memory. RPS: counts every opponent move the user has reported and plays
/// what beats the most frequent (ties go to the earliest move in rock, paper, scissors order; with no evidence it
/// assumes rock and plays paper); its scores are the reported frequencies of the move each candidate beats.
/// Grocery: remembers the item named in the last request and picks it at recall; it answers "A" to every unrelated
/// question (it knows no facts), which scores chance on them.
/// </summary>
public sealed class FrequencyAgent : IAgent, IResumable
{
    public const string DefaultName = "frequency";

    private readonly long[] _counts = new long[3];
    private string? _requestedItem;

    public string Name => DefaultName;

    public AgentChoice Choose(Turn turn) => turn.Facts switch
    {
        RpsFacts rps => ChooseMove(rps),
        GroceryFacts grocery => ChooseAnswer(turn, grocery),
        _ => throw new NotSupportedException($"The frequency agent cannot play '{turn.Scenario}' ({turn.Facts.GetType().Name})."),
    };

    public void Observe(RoundResult result)
    {
    }

    public void SaveState(BinaryWriter writer)
    {
        foreach (var count in _counts) writer.Write(count);
        writer.Write(_requestedItem ?? "");
    }

    public void RestoreState(BinaryReader reader)
    {
        for (int i = 0; i < _counts.Length; i++) _counts[i] = reader.ReadInt64();
        var item = reader.ReadString();
        _requestedItem = item.Length == 0 ? null : item;
    }

    private AgentChoice ChooseMove(RpsFacts facts)
    {
        if (facts.OpponentPreviousMove is { } reported) _counts[(int)reported]++;
        var total = Math.Max(1, _counts.Sum());
        // Candidate i plays move i, which wins against the move that i beats.
        var scores = MoveRules.All
            .Select(move => (double)_counts[(int)MoveRules.LoserTo(move)] / total)
            .ToArray();
        var mostFrequent = (Move)Array.IndexOf(_counts, _counts.Max());
        return new AgentChoice((int)MoveRules.BeaterOf(mostFrequent), scores);
    }

    private AgentChoice ChooseAnswer(Turn turn, GroceryFacts facts)
    {
        if (facts.RequestedItem is not null) _requestedItem = facts.RequestedItem;
        var index = facts.Kind == GroceryTurnKind.Recall && _requestedItem is not null
            ? Math.Max(0, turn.Options.ToList().IndexOf(_requestedItem))
            : 0;
        return new AgentChoice(index, turn.Candidates.Select((_, i) => i == index ? 1.0 : 0.0).ToArray());
    }
}
