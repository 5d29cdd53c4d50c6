using System.Text.Json;
using System.Text.Json.Serialization;
using SirArena.Simulation.Agents;
using SirArena.Simulation.Games.Grocery;
using SirArena.Simulation.Games.RockPaperScissors;
using SirArena.Simulation.Loop;
using SirArena.Simulation.Tests.Support;

namespace SirArena.Simulation.Tests.Loop;

public class RoundResultJsonTests
{
    private static readonly JsonSerializerOptions Options = new() { Converters = { new JsonStringEnumConverter() } };

    [Theory]
    [InlineData("rock-biased")]
    [InlineData("grocery")]
    public void A_round_result_survives_a_json_round_trip_as_its_own_game_type(string scenario)
    {
        foreach (var original in new Match(Shipped.Catalog.Create(scenario, 3), new OracleAgent()).Play(25))
        {
            var json = JsonSerializer.Serialize(original, Options);
            var copy = JsonSerializer.Deserialize<RoundResult>(json, Options)!;

            copy.GetType().Should().Be(original.GetType());
            copy.Turn.Prompt.Should().Be(original.Turn.Prompt);
            copy.Turn.Facts.Should().Be(original.Turn.Facts);
            copy.Turn.Truth.CandidateWinProbabilities.Should().Equal(original.Turn.Truth.CandidateWinProbabilities);
            copy.Choice.Scores.Should().Equal(original.Choice.Scores);
            copy.Answer.Should().Be(original.Answer);
            switch (copy)
            {
                case RpsRoundResult rps:
                    rps.OpponentMove.Should().Be(((RpsRoundResult)original).OpponentMove);
                    ((RpsTruth)rps.Turn.Truth).OpponentDistribution.Should().Be(((RpsTruth)original.Turn.Truth).OpponentDistribution);
                    break;
                case GroceryRoundResult grocery:
                    (grocery.Kind, grocery.Item, grocery.Distance).Should().Be(
                        (((GroceryRoundResult)original).Kind, ((GroceryRoundResult)original).Item, ((GroceryRoundResult)original).Distance));
                    break;
            }
        }
    }
}
