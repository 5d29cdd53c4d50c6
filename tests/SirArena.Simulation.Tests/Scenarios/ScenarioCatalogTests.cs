using SirArena.Simulation.Opponents;
using SirArena.Simulation.Scenarios;
using SirArena.Simulation.Tests.Support;

namespace SirArena.Simulation.Tests.Scenarios;

public class ScenarioCatalogTests
{
    [Fact]
    public void The_shipped_folder_holds_every_named_scenario()
    {
        Shipped.Catalog.Names.Should().BeEquivalentTo(
            "beat-last", "cyclic", "cyclic-2", "cyclic-4", "cyclic-5", "grocery", "grocery-distances", "grocery-new-items", "paper-biased", "rock-biased", "scissors-biased", "switching", "switching-fast", "switching-long", "switching-weak-fast", "uniform");
        Shipped.Rps("uniform").Strategy.Should().Be(BiasedStrategy.Uniform);
        Shipped.Catalog.Get("rock-biased").Description.Should().Contain("50%");
    }

    [Fact]
    public void An_unknown_name_lists_the_known_ones()
    {
        var act = () => Shipped.Catalog.Get("rock-biassed");
        act.Should().Throw<UnknownScenarioException>().WithMessage("*'rock-biassed'*beat-last, cyclic, cyclic-2*grocery*uniform*");
    }

    [Fact]
    public void A_user_adds_an_opponent_by_adding_a_file()
    {
        using var folder = new TempScenarioFolder();
        folder.Write("always-paper.json", """{ "kind": "cyclic", "sequence": ["paper"] }""");
        folder.Write("notes/ignored.txt", "subfolders are not scenarios");

        var catalog = ScenarioCatalog.Load(folder.Path);

        catalog.Names.Should().Equal("always-paper");
        catalog.Create("always-paper", 1).NextTurn().Truth.CandidateWinProbabilities.Should().Equal(0, 0, 1);
    }

    [Fact]
    public void The_scenarios_folder_is_found_from_the_test_assembly()
    {
        var folder = ScenarioFolder.Locate();
        File.Exists(Path.Combine(folder, "..", ScenarioFolder.SolutionFile)).Should().BeTrue();
        var act = () => ScenarioFolder.Locate(Path.GetTempPath());
        act.Should().Throw<DirectoryNotFoundException>().WithMessage("*SirArena.sln*");
    }
}
