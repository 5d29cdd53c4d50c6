using SirArena.Arena.Cluster;

namespace SirArena.Arena.Tests.Cluster;

public class ServePlacementTests
{
    static readonly string[] Matches = ["m1", "m2", "m3", "m4", "m5", "m6"];

    [Fact]
    public void Matches_that_start_together_are_dealt_evenly_over_the_active_silos()
    {
        var placement = new ServePlacement();
        placement.Active(["a", "b", "c"]);

        var chosen = Matches.Select(placement.SiloFor).ToArray();

        chosen.Should().Equal("a", "b", "c", "a", "b", "c");
    }

    [Fact]
    public void A_match_stays_on_the_silo_that_serves_it_while_that_silo_is_active()
    {
        var placement = new ServePlacement();
        placement.Active(["a", "b"]);
        foreach (var match in Matches) placement.Served(match, "b");

        Matches.Select(placement.SiloFor).Should().AllBe("b");
    }

    [Fact]
    public void The_matches_of_a_lost_silo_are_spread_over_the_silos_left_and_the_others_stay()
    {
        var placement = new ServePlacement();
        placement.Active(["a", "b", "c"]);
        foreach (var match in Matches) placement.SiloFor(match); // a: m1 m4, b: m2 m5, c: m3 m6

        placement.Active(["a", "c", "d"]); // b lost, d joined empty
        var chosen = Matches.ToDictionary(m => m, placement.SiloFor);

        chosen["m1"].Should().Be("a");
        chosen["m3"].Should().Be("c");
        chosen["m4"].Should().Be("a");
        chosen["m6"].Should().Be("c");
        new[] { chosen["m2"], chosen["m5"] }.Should().Equal(new[] { "d", "d" }, "the least loaded silo takes them while it has fewest");
    }

    [Fact]
    public void A_silo_that_stopped_answering_gets_no_match_while_the_cluster_still_counts_it_active()
    {
        var placement = new ServePlacement();
        placement.Active(["a", "b", "c"]);
        foreach (var match in Matches) placement.SiloFor(match); // a: m1 m4, b: m2 m5, c: m3 m6

        placement.Silent("b");
        var chosen = Matches.ToDictionary(m => m, placement.SiloFor);

        chosen.Values.Should().NotContain("b");
        new[] { chosen["m2"], chosen["m5"] }.Should().Equal(new[] { "a", "c" }, "its matches are spread over the silos that answer");

        placement.Served("m7", "b"); // it answers again
        placement.SiloFor("m8").Should().Be("b", "it serves the fewest matches again");
    }

    [Fact]
    public void No_silo_is_named_while_none_is_active()
    {
        var placement = new ServePlacement();
        placement.Served("m1", "a");

        placement.SiloFor("m1").Should().BeNull();
    }
}
