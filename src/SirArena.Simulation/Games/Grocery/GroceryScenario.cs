using SirArena.Simulation.Loop;
using SirArena.Simulation.Randomness;

namespace SirArena.Simulation.Games.Grocery;

/// <summary>
/// The grocery-shopping task of the SirLLM paper as an endless stream of episodes: the user asks the assistant to
/// buy an item (answered with the item, see <see cref="GroceryText"/>), asks K unrelated questions, then asks which
/// item it was; then a new episode begins. Every draw
/// (item, K, questions, option order) comes from the scenario's own generator, in the same order whatever the
/// agent answers, so all agents given one seed face the same questions.
/// </summary>
public sealed class GroceryScenario : IScenario, IResumable
{
    private readonly IReadOnlyList<string> _items;
    private readonly QuestionBank _questions;
    private readonly GroceryOptions _options;
    private readonly StableRandom _random;

    private long _round;
    private GroceryTurnKind _next = GroceryTurnKind.Request;
    private string _item = "";
    private int _questionsBetween, _asked;
    private (Turn Turn, GroceryTurnKind Kind, int Correct)? _pending;

    public GroceryScenario(string name, IReadOnlyList<string> items, QuestionBank questions, GroceryOptions options, StableRandom random)
    {
        if (items is null || items.Distinct(StringComparer.Ordinal).Count() < OptionShuffle.OptionCount)
            throw new ArgumentException($"The grocery task needs at least {OptionShuffle.OptionCount} distinct items.", nameof(items));
        Name = name;
        _items = items.ToArray();
        _questions = questions ?? throw new ArgumentNullException(nameof(questions));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _random = random ?? throw new ArgumentNullException(nameof(random));
    }

    public string Name { get; }

    public Turn NextTurn()
    {
        if (_pending is not null) throw new InvalidOperationException("The previous turn has not been resolved yet.");
        var (userText, options, correct) = _next switch
        {
            GroceryTurnKind.Request => StartEpisode(),
            GroceryTurnKind.Unrelated => Ask(_questions.Draw(_random)),
            _ => AskRecall(OptionShuffle.Build(GroceryText.RecallQuestion, _item, OptionShuffle.Pick(_items, _item, _random), _random)),
        };
        var candidates = _next == GroceryTurnKind.Unrelated ? DialogueFormat.Letters(options.Count) : options;
        var turn = new Turn(
            Name,
            _round,
            DialogueFormat.Prompt(_round, userText),
            DialogueFormat.UserTurn(userText),
            candidates,
            options,
            new GroceryFacts(_next, _next == GroceryTurnKind.Request ? _item : null, _asked),
            new TurnTruth(candidates.Select((_, i) => i == correct ? 1.0 : 0.0).ToArray()));
        _pending = (turn, _next, correct);
        return turn;
    }

    public RoundResult Resolve(AgentChoice choice)
    {
        var (turn, kind, correct) = _pending ?? throw new InvalidOperationException("There is no turn to resolve; call NextTurn first.");
        _pending = null;
        var outcome = kind == GroceryTurnKind.Request ? Outcome.Unscored
            : choice.Index == correct ? Outcome.Win
            : Outcome.Loss;
        var result = new GroceryRoundResult(turn, choice, outcome, kind, correct, _item, _asked);
        Advance(kind);
        _round++;
        return result;
    }

    public void SaveState(BinaryWriter writer)
    {
        if (_pending is not null) throw new InvalidOperationException("a scenario is saved between rounds, not with a turn pending");
        writer.Write(_round);
        writer.Write((int)_next);
        writer.Write(_item);
        writer.Write(_questionsBetween);
        writer.Write(_asked);
        _random.WriteState(writer);
    }

    public void RestoreState(BinaryReader reader)
    {
        _pending = null;
        _round = reader.ReadInt64();
        _next = (GroceryTurnKind)reader.ReadInt32();
        if (!Enum.IsDefined(_next)) throw new InvalidDataException($"a saved grocery turn kind must be one of {string.Join(", ", Enum.GetNames<GroceryTurnKind>())}, not {(int)_next}");
        _item = reader.ReadString();
        if (_item.Length > 0 && !_items.Contains(_item)) throw new InvalidDataException($"the saved item \"{_item}\" is not in this scenario's item list");
        _questionsBetween = reader.ReadInt32();
        _asked = reader.ReadInt32();
        _random.ReadState(reader);
    }

    private (string, IReadOnlyList<string>, int) StartEpisode()
    {
        _item = _items[_random.NextInt(_items.Count)];
        _questionsBetween = _random.NextInt(_options.MinQuestionsBetween, _options.MaxQuestionsBetween);
        _asked = 0;
        return (GroceryText.Request(_item), [_item], 0);
    }

    private static (string, IReadOnlyList<string>, int) Ask(MultipleChoiceQuestion q) =>
        (GroceryText.MultipleChoice(q.Question, q.Options), q.Options, q.CorrectIndex);

    private static (string, IReadOnlyList<string>, int) AskRecall(MultipleChoiceQuestion q) =>
        (GroceryText.Recall(q.Options), q.Options, q.CorrectIndex);

    private void Advance(GroceryTurnKind resolved)
    {
        if (resolved == GroceryTurnKind.Unrelated) _asked++;
        _next = resolved switch
        {
            GroceryTurnKind.Recall => GroceryTurnKind.Request,
            _ when _asked < _questionsBetween => GroceryTurnKind.Unrelated,
            _ => GroceryTurnKind.Recall,
        };
    }
}
