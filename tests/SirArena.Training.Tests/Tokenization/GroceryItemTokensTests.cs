using SirArena.Simulation.Agents;
using SirArena.Simulation.Games.Grocery;
using SirArena.Simulation.Randomness;
using SirArena.Training.Tests.Support;

namespace SirArena.Training.Tests.Tokenization;

public class GroceryItemTokensTests
{
    /// <summary>
    /// Reading a request back is copying the item's tokens from the request into the answer: the request's own answer
    /// and the recall's must be the request's very tokens, and their first token must not stand in the recall itself
    /// (its options are " oats", after a space), or the latest copy of the token in the context would be an option,
    /// right or wrong.
    /// </summary>
    [Fact]
    public void The_recall_is_answered_with_the_requests_own_tokens_which_the_recall_itself_does_not_hold()
    {
        var tokenizer = Shipped.Tokenizer;
        var scenario = Shipped.Catalog.Create("grocery", seed: 3);
        var agent = new RandomAgent(new StableRandom(4));
        int recalls = 0;
        int[]? requested = null;
        for (int round = 0; round < 300; round++)
        {
            var turn = scenario.NextTurn();
            var facts = (GroceryFacts)turn.Facts;
            if (facts.Kind == GroceryTurnKind.Request)
            {
                requested = tokenizer.Encode(facts.RequestedItem!);
                Contains(tokenizer.Encode(turn.Prompt), requested).Should().BeTrue($"round {round}: {turn.Prompt.Trim()}");
                tokenizer.Encode(turn.Candidates.Single()).Should().Equal(requested, $"round {round}: the request is answered with its item");
            }
            else if (facts.Kind == GroceryTurnKind.Recall)
            {
                tokenizer.Encode(turn.Prompt).Should().NotContain(requested![0], $"round {round}: {turn.Prompt.Trim()}");
                var right = turn.Candidates[turn.Truth.CandidateWinProbabilities.ToList().IndexOf(1.0)];
                tokenizer.Encode(right).Should().Equal(requested, $"round {round}: the answer \"{right}\" is the item");
                recalls++;
            }
            scenario.Resolve(agent.Choose(turn));
        }
        recalls.Should().BeGreaterThan(5);
    }

    static bool Contains(int[] ids, int[] part) =>
        Enumerable.Range(0, ids.Length - part.Length + 1).Any(i => ids.AsSpan(i, part.Length).SequenceEqual(part));
}
