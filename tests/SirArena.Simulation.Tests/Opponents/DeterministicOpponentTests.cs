using SirArena.Simulation.Games.RockPaperScissors;
using SirArena.Simulation.Loop;
using SirArena.Simulation.Opponents;
using SirArena.Simulation.Randomness;
using SirArena.Simulation.Tests.Support;

namespace SirArena.Simulation.Tests.Opponents;

public class DeterministicOpponentTests
{
    [Fact]
    public void Switching_changes_favourite_exactly_every_period_in_rock_paper_scissors_order()
    {
        var strategy = new SwitchingStrategy(Move.Rock, period: 7, PreferenceMix.Paper);

        var favourites = Enumerable.Range(0, 22).Select(r => strategy.FavouriteAt(r)).ToArray();

        favourites[..7].Should().OnlyContain(m => m == Move.Rock);
        favourites[7..14].Should().OnlyContain(m => m == Move.Paper);
        favourites[14..21].Should().OnlyContain(m => m == Move.Scissors);
        favourites[21].Should().Be(Move.Rock);
        strategy.Distribution(7, null).Should().Be(new MoveDistribution(0.2, 0.5, 0.3), "paper favourite, scissors next, rock last");
    }

    [Fact]
    public void The_switch_schedule_names_exactly_the_rounds_whose_favourite_differs_from_the_round_before()
    {
        var strategy = new SwitchingStrategy(Move.Paper, period: 7, PreferenceMix.Paper);

        var changed = Enumerable.Range(1, 29).Where(r => strategy.FavouriteAt(r) != strategy.FavouriteAt(r - 1)).Select(r => (long)r);

        strategy.SwitchesBefore(30).Should().Equal(changed).And.Equal(7L, 14L, 21L, 28L);
        strategy.SwitchesBefore(28).Should().Equal(7L, 14L, 21L);
        strategy.SwitchesBefore(7).Should().BeEmpty();
    }

    [Fact]
    public void The_shipped_switching_player_switches_at_round_200_and_its_draws_follow()
    {
        var definition = Shipped.Rps("switching");
        var strategy = (SwitchingStrategy)definition.Strategy;
        strategy.Period.Should().Be(200);
        strategy.FavouriteAt(199).Should().Be(Move.Rock);
        strategy.FavouriteAt(200).Should().Be(Move.Paper);

        var opponent = definition.CreateOpponent(3);
        var moves = Enumerable.Range(0, 6000).Select(r => opponent.Play(r, null)).ToArray();
        // Pool the blocks with the same favourite: 10 blocks of 200 draws each; the favourite should be about half.
        foreach (var favourite in MoveRules.All)
        {
            var inBlocks = moves.Where((_, r) => strategy.FavouriteAt(r) == favourite).ToArray();
            inBlocks.Count(m => m == favourite).Should().BeCloseTo(inBlocks.Length / 2, (uint)(inBlocks.Length * 0.04));
        }
    }

    [Fact]
    public void Cyclic_plays_rock_paper_scissors_in_turn()
    {
        var opponent = Shipped.Rps("cyclic").CreateOpponent(9);
        Enumerable.Range(0, 9).Select(r => opponent.Play(r, null)).Should().Equal(
            Move.Rock, Move.Paper, Move.Scissors, Move.Rock, Move.Paper, Move.Scissors, Move.Rock, Move.Paper, Move.Scissors);
    }

    [Fact]
    public void Beat_last_plays_what_beats_the_agents_previous_move()
    {
        var random = new StableRandom(5);
        var agentMoves = Enumerable.Range(0, 300).Select(_ => random.NextInt(3)).ToArray();
        var agent = new ScriptedAgent(round => agentMoves[round]);
        var match = new Match(Shipped.Catalog.Create("beat-last", 11), agent);

        var results = match.Play(300).Cast<RpsRoundResult>().ToArray();

        results[0].OpponentMove.Should().Be(Move.Rock);
        for (var i = 1; i < results.Length; i++)
            results[i].OpponentMove.Should().Be(MoveRules.BeaterOf(results[i - 1].AgentMove));
        Shipped.Rps("beat-last").Strategy.ReactsToAgent.Should().BeTrue();
    }

    [Fact]
    public void Every_round_draws_once_even_when_the_move_is_certain()
    {
        // Point-mass rounds still advance the generator, so a strategy's later draws never depend on earlier certainty.
        var random = new StableRandom(4);
        var opponent = new ScriptedOpponent("c", new CyclicStrategy([Move.Paper]), random);
        opponent.Play(0, null);
        random.NextUInt64().Should().Be(Nth(new StableRandom(4), 2));
    }

    private static ulong Nth(StableRandom random, int n)
    {
        for (var i = 1; i < n; i++) random.NextUInt64();
        return random.NextUInt64();
    }
}
