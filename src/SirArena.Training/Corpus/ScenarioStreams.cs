using SirArena.Simulation.Games.Grocery;
using SirArena.Simulation.Games.RockPaperScissors;
using SirArena.Simulation.Loop;
using SirArena.Simulation.Opponents;
using SirArena.Simulation.Randomness;
using SirArena.Simulation.Scenarios;

namespace SirArena.Training.Corpus;

/// <summary>
/// Plays the project's own scenarios (the Simulation's RpsScenario and GroceryScenario, so the text is exactly what
/// the arena renders) with a <see cref="ContextPlayer"/> and records each round as a <see cref="DialogueRound"/>.
/// </summary>
public sealed class ScenarioStreams(GroceryScenarioDefinition grocery, ItemPool? items = null)
{
    /// <summary>Items a grocery stream draws its requests from when an <see cref="ItemPool"/> is given.</summary>
    public const int ItemsPerStream = 30;

    /// <summary>A Rock-Paper-Scissors stream of <paramref name="rounds"/> rounds against <paramref name="strategy"/>.</summary>
    public static List<DialogueRound> Rps(IOpponentStrategy strategy, int rounds, StableRandom random)
    {
        var scenario = new RpsScenario(new ScriptedOpponent(strategy.Kind, strategy, random.Derive("opponent")));
        var player = new ContextPlayer(random.Derive("player"));
        var stream = new List<DialogueRound>(rounds);
        double previousProbability = double.NaN;
        for (int r = 0; r < rounds; r++)
        {
            var turn = scenario.NextTurn();
            var facts = (RpsFacts)turn.Facts;
            int choice = player.Choose(turn);
            var result = (RpsRoundResult)scenario.Resolve(new AgentChoice(choice, [0, 0, 0]));
            stream.Add(new DialogueRound(turn.Prompt, turn.Candidates[choice], turn.Candidates, RoundKind.Rps,
                facts.OpponentPreviousMove, previousProbability));
            // The move drawn now is revealed by the next prompt; remember how likely it was when drawn.
            previousProbability = ((RpsTruth)turn.Truth).OpponentDistribution.Of(result.OpponentMove);
        }
        return stream;
    }

    /// <summary>
    /// A grocery stream: episodes of a request, K unrelated questions and a recall, K drawn from a range drawn per
    /// stream. Short episodes give recalls that every memory still sees (reading the request back); long ones, past a
    /// StreamingLLM window, are where SirLLM's retention has to carry the item. Two streams in five are drills of 0-7
    /// questions, a recall every few rounds; the others draw K up to about 40, the arena's distances. An
    /// <paramref name="opening"/> is a match's first few episodes, of 0-3 questions each.
    /// </summary>
    public List<DialogueRound> Grocery(int rounds, StableRandom random, bool opening = false)
    {
        bool drill = random.NextDouble() < 0.4;
        var options = opening ? new GroceryOptions(0, 3) : QuestionsBetween(drill, random);
        var list = items?.DrawList(random.Derive("items"), ItemsPerStream) ?? grocery.Items;
        var scenario = new GroceryScenario(grocery.Name, list, grocery.Questions, options, random.Derive("grocery"));
        var player = new ContextPlayer(random.Derive("player"));
        var stream = new List<DialogueRound>(rounds);
        int episode = -1;
        for (int r = 0; r < rounds; r++)
        {
            var turn = scenario.NextTurn();
            var kind = ((GroceryFacts)turn.Facts).Kind;
            if (kind == GroceryTurnKind.Request) episode++;
            int choice = player.Choose(turn);
            var result = (GroceryRoundResult)scenario.Resolve(new AgentChoice(choice, turn.Candidates.Select(_ => 0.0).ToArray()));
            var roundKind = kind switch
            {
                GroceryTurnKind.Request => RoundKind.GroceryRequest,
                GroceryTurnKind.Recall => RoundKind.GroceryRecall,
                _ => RoundKind.GroceryQuestion,
            };
            stream.Add(new DialogueRound(turn.Prompt, turn.Candidates[choice], turn.Candidates, roundKind,
                CorrectIndex: result.CorrectIndex, Episode: episode));
        }
        return stream;
    }

    /// <summary>The range of K: 0-7 in a drill, else from 1-12 up to 30 more.</summary>
    static GroceryOptions QuestionsBetween(bool drill, StableRandom random)
    {
        int min = drill ? random.NextInt(0, 3) : random.NextInt(1, 12);
        return new GroceryOptions(min, min + (drill ? random.NextInt(0, 4) : random.NextInt(0, 30)));
    }
}
