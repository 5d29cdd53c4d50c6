using SirArena.Simulation.Randomness;
using SirArena.Training.Corpus;
using SirArena.Training.Tests.Support;

namespace SirArena.Training.Tests.Corpus;

public class ItemPoolTests
{
    static readonly double Share = new CorpusOptions().ShippedItemShare;

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(1.0)]
    public void The_shipped_share_sets_how_many_of_a_lists_items_are_the_scenarios_own(double share)
    {
        var pool = new ItemPool(Shipped.Grocery.Items, [], share);
        var shipped = Shipped.Grocery.Items.ToHashSet(StringComparer.OrdinalIgnoreCase);

        var lists = Enumerable.Range(0, 200).Select(i => pool.DrawList(new StableRandom(5).Derive($"{i}"), 10)).ToList();
        double drawnShare = lists.SelectMany(l => l).Count(shipped.Contains) / (double)lists.Sum(l => l.Count);

        drawnShare.Should().BeApproximately(share, 0.05);
        pool.DrawList(new StableRandom(6), Shipped.Grocery.Items.Count + 5).Should().OnlyHaveUniqueItems()
            .And.HaveCount(Shipped.Grocery.Items.Count + 5, "once every shipped item is drawn the rest are made up");
    }

    [Fact]
    public void The_pool_never_draws_a_held_out_item_even_one_it_could_invent()
    {
        // Hold out thousands of items the pool itself invents with another seed, so a careless filter would show.
        var inventor = new ItemPool([], [], 0);
        var heldOut = Enumerable.Range(0, 4000).Select(i => inventor.Invent(new StableRandom(77).Derive($"{i}"))).ToHashSet();
        var pool = new ItemPool(Shipped.Grocery.Items, heldOut.Append("oats"), Share);

        var drawn = Enumerable.Range(0, 400).SelectMany(i => pool.DrawList(new StableRandom(3).Derive($"{i}"), 30)).ToList();

        drawn.Should().NotContain(heldOut).And.NotContain("oats");
        drawn.Distinct().Count().Should().BeGreaterThan(5000, "made-up items are drawn afresh, so no item can be learnt by heart");
        drawn.Should().Contain(Shipped.Grocery.Items.Where(i => i != "oats" && !heldOut.Contains(i)).Take(5), "the shipped items are in the pool too");
        heldOut.Should().Contain("flour", "made-up words can be real ones, so a held-out real item needs the filter");
    }

    [Fact]
    public void A_streams_list_has_distinct_items()
    {
        var pool = new ItemPool(Shipped.Grocery.Items, [], Share);
        var list = pool.DrawList(new StableRandom(1), 30);

        list.Should().HaveCount(30).And.OnlyHaveUniqueItems();
    }

    [Fact]
    public void The_corpus_never_requests_an_item_of_the_held_out_scenario()
    {
        var heldOutScenario = (Simulation.Scenarios.GroceryScenarioDefinition)Shipped.Catalog.Get("grocery-new-items");
        var heldOut = heldOutScenario.Items.Except(Shipped.Grocery.Items).ToList();
        heldOut.Should().HaveCount(heldOutScenario.Items.Count, "the held-out scenario lists only items of its own");
        var pool = new ItemPool(Shipped.Grocery.Items, heldOut, Share);
        var generator = new CorpusGenerator(new ChunkEncoder(Shipped.Tokenizer), Shipped.Grocery, new CorpusOptions { GroceryShare = 1, OpeningShare = 0.3 }, pool);

        var text = string.Join("\n", generator.Generate(11, "train", 600).Select(w => Shipped.Tokenizer.Decode(w.Ids)));

        text.Should().Contain("GROCERY: [", "the windows hold requests");
        foreach (var item in heldOut) text.Should().NotContain($"[{item}]").And.NotContain($" {item} (");
    }
}
