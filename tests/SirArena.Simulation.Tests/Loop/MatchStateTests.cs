using SirArena.Simulation.Agents;
using SirArena.Simulation.Loop;
using SirArena.Simulation.Randomness;
using SirArena.Simulation.Scenarios;

namespace SirArena.Simulation.Tests.Loop;

/// <summary>A match saved between rounds and restored into a fresh one built from the same definition plays on identically.</summary>
public class MatchStateTests
{
    static readonly ScenarioCatalog Catalog = ScenarioCatalog.LoadDefault();

    [Theory]
    [InlineData("switching", "random")]
    [InlineData("rock-biased", "frequency")]
    [InlineData("beat-last", "frequency")]
    [InlineData("grocery", "frequency")]
    [InlineData("grocery-distances", "oracle")]
    public void A_restored_match_plays_the_same_rounds_as_the_original(string scenario, string agent)
    {
        using var original = new Match(Catalog.Create(scenario, 5), BaselineAgents.Create(agent, 5));
        original.Run(37);
        var saved = new MemoryStream();
        original.SaveState(new BinaryWriter(saved));

        using var restored = new Match(Catalog.Create(scenario, 5), BaselineAgents.Create(agent, 5));
        saved.Position = 0;
        restored.RestoreState(new BinaryReader(saved));

        restored.RoundsPlayed.Should().Be(37);
        restored.Tally.Wins.Should().Be(original.Tally.Wins);
        var expected = original.Play(120).Select(Describe).ToList();
        restored.Play(120).Select(Describe).Should().Equal(expected);
    }

    [Fact]
    public void A_fresh_match_does_not_play_like_one_restored_mid_stream()
    {
        // The check above would pass vacuously if restoring changed nothing that mattered.
        using var original = new Match(Catalog.Create("grocery", 5), BaselineAgents.Create("random", 5));
        original.Run(37);
        using var fresh = new Match(Catalog.Create("grocery", 5), BaselineAgents.Create("random", 5));

        fresh.Play(40).Select(Describe).Should().NotEqual(original.Play(40).Select(Describe));
    }

    [Fact]
    public void A_generator_continues_its_sequence_after_a_restore_but_refuses_another_seed()
    {
        var random = new StableRandom(9);
        for (int i = 0; i < 5; i++) random.NextUInt64();
        var saved = new MemoryStream();
        random.WriteState(new BinaryWriter(saved));

        var restored = new StableRandom(9);
        saved.Position = 0;
        restored.ReadState(new BinaryReader(saved));
        restored.NextUInt64().Should().Be(random.NextUInt64());

        saved.Position = 0;
        var other = () => new StableRandom(10).ReadState(new BinaryReader(saved));
        other.Should().Throw<InvalidDataException>().WithMessage("*seeded 9*");
    }

    static string Describe(RoundResult r) => $"{r.Turn.Round}|{r.Turn.Prompt}|{r.Choice.Index}|{r.Outcome}";
}
