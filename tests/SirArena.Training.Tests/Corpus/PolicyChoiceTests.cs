using SirArena.Simulation.Randomness;
using SirArena.Training.Corpus;

namespace SirArena.Training.Tests.Corpus;

public class PolicyChoiceTests
{
    static List<PolicyChoice> Draws(PolicyFamily family, int count = 2000)
    {
        var random = new StableRandom(4);
        return [.. Enumerable.Range(0, count).Select(_ => PolicyChoice.Draw(random, 512, family))];
    }

    [Fact]
    public void The_paper_family_draws_only_the_papers_policies_at_its_budgets_and_decays()
    {
        var draws = Draws(PolicyFamily.Paper);

        draws.Select(d => d.Name).Distinct().Should().BeEquivalentTo(["full", "streaming", "sir"]);
        draws.Where(d => d.Name != "full").Should().OnlyContain(d => d.Budget >= 192 && d.Sinks == PolicyChoice.DefaultSinks && d.Recent == 0);
        draws.Where(d => d.Name == "sir").Select(d => d.Eta).Distinct().Should().BeEquivalentTo([0.7f, 0.75f, 0.8f, 0.85f, 0.9f, 0.95f, 1f]);
    }

    [Fact]
    public void The_wide_family_also_thins_at_random_drops_the_sinks_keeps_recent_windows_and_decays_below_0_7()
    {
        var draws = Draws(PolicyFamily.Wide);

        draws.Select(d => d.Name).Distinct().Should().BeEquivalentTo(["full", "streaming", "sir", "random"]);
        draws.Should().Contain(d => d.Name != "full" && d.Sinks == 0);
        draws.Should().Contain(d => d.Recent > 0);
        draws.Should().Contain(d => d.Budget == 128);
        draws.Where(d => d.Name == "sir").Should().Contain(d => d.Eta < 0.7f).And.OnlyContain(d => d.Eta >= 0.5f && d.Eta <= 1f);
    }
}
