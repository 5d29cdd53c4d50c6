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
    static ServePlacement Settled(string[] silos, params (string Match, string Silo)[] served)
    {
        var placement = new ServePlacement();
        for (int i = 0; i < ServePlacement.SettledReadings; i++) placement.Active(silos);
        foreach (var (match, silo) in served) placement.Served(match, silo);
        return placement;
    }

    [Fact]
    public void An_uneven_spread_is_evened_one_match_at_a_time()
    {
        var placement = Settled(["a", "b"], ("m1", "a"), ("m2", "a"), ("m3", "a"), ("m4", "a"), ("m5", "b"), ("m6", "b"));

        placement.Rebalance(Matches).Should().Be(("m1", "a", "b"));
        placement.Rebalance(Matches).Should().BeNull("one move is under way");
        placement.SiloFor("m1").Should().Be("a", "the match moves when its watcher takes the move, not before");

        placement.TakeMove("m1").Should().Be("b");
        placement.TakeMove("m1").Should().BeNull("a move is taken once");
        placement.SiloFor("m1").Should().Be("b");
        placement.Rebalance(Matches).Should().BeNull("3 and 3 are even");
    }

    [Fact]
    public void A_spread_within_one_match_is_left_alone()
    {
        var placement = Settled(["a", "b"], ("m1", "a"), ("m2", "a"), ("m3", "b"));

        placement.Rebalance(Matches).Should().BeNull();
    }

    [Fact]
    public void A_silo_that_has_just_joined_gets_matches_only_once_it_has_settled()
    {
        var placement = Settled(["a", "b"], ("m1", "a"), ("m2", "a"), ("m3", "b"), ("m4", "b"));

        placement.Active(["a", "b", "c"]);
        placement.Rebalance(Matches).Should().BeNull("Orleans may not count c yet, and would ignore a hint naming it");
        for (int i = 1; i < ServePlacement.SettledReadings; i++) placement.Active(["a", "b", "c"]);

        placement.Rebalance(Matches).Should().Be(("m1", "a", "c"));
    }

    [Fact]
    public void A_silent_silo_neither_gives_nor_takes_matches_and_only_running_ones_move()
    {
        var placement = Settled(["a", "b", "c"], ("m1", "a"), ("m2", "a"), ("m3", "a"), ("m4", "c"));

        placement.Silent("b");
        placement.Rebalance(Matches).Should().Be(("m1", "a", "c"), "b is passed over although it serves none");

        placement = Settled(["a", "b"], ("m1", "a"), ("m2", "a"), ("m3", "a"));
        placement.Silent("a");
        placement.Rebalance(Matches).Should().BeNull("a silent silo's matches move when the cluster declares it dead");

        placement = Settled(["a", "b"], ("m1", "a"), ("m2", "a"), ("m3", "a"), ("m5", "a"));
        placement.Rebalance(["m2"]).Should().Be(("m2", "a", "b"));
        placement.TakeMove("m2");
        placement.Rebalance(["m2"]).Should().BeNull("3 against 1, but no other running match is there to move");
    }
}
