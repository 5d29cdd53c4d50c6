using SirArena.Llm.Memory;

namespace SirArena.Llm.Tests.Memory;

/// <summary>The invariants every memory policy keeps, run over every row of <see cref="PolicyMatrix"/>.</summary>
public sealed class PolicyInvariantTests
{
    private const int Seed = 20240512;
    private const int Rounds = 400;

    [Theory]
    [MemberData(nameof(PolicyMatrix.All), MemberType = typeof(PolicyMatrix))]
    public void Random_stream_stays_in_budget_keeps_sinks_and_evicts_only_what_it_must(string row)
    {
        var (make, sinks, evicts) = PolicyMatrix.Get(row);
        var policy = make();
        var stream = new ScoreStream(policy);
        var rng = new Random(Seed);
        int maxChunk = Math.Min(8, policy.Budget - sinks);
        int evictions = 0;

        for (int round = 0; round < Rounds; round++)
        {
            int n = rng.Next(1, maxChunk + 1);
            float[] before = [.. stream.Scores];
            float selectionEta = stream.Memory.SelectionEta;
            int[] kept = stream.Round(ScoreStream.RandomChunk(rng, n));

            kept.Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
            kept.Should().NotContain(slot => slot < 0 || slot >= before.Length);
            (kept.Length + n).Should().BeLessThanOrEqualTo(policy.Budget, "round {0} must fit the budget", round);
            var again = policy is IAdaptiveMemoryPolicy adaptive ? adaptive.SelectKept(before, n, selectionEta) : policy.SelectKept(before, n);
            again.Should().Equal(kept, "the same scores, chunk and eta give the same answer");

            if (kept.Length == before.Length)
            {
                kept.Should().Equal(Enumerable.Range(0, before.Length));
                continue;
            }
            evictions++;
            kept.Length.Should().Be(policy.Budget - n, "an eviction fills the budget, round {0}", round);
            kept.Take(sinks).Should().Equal(Enumerable.Range(0, sinks), "sinks survive every eviction");
        }

        if (evicts) evictions.Should().BePositive("the stream must exercise eviction");
        else evictions.Should().Be(0);
    }

    [Theory]
    [MemberData(nameof(PolicyMatrix.All), MemberType = typeof(PolicyMatrix))]
    public void Retained_memory_holds_survivors_in_stream_order_at_their_surprisal_times_eta_per_round(string row)
    {
        var (make, sinks, _) = PolicyMatrix.Get(row);
        var policy = make();
        var stream = new ScoreStream(policy);
        var rng = new Random(Seed);
        var entered = new List<(float Surprisal, int Round)>(); // by token id, which is the stream index
        var etas = new List<float>(); // the eta each round ended with: the policy's, or what its adaptive decay chose
        int maxChunk = Math.Min(8, policy.Budget - sinks);

        for (int round = 0; round < Rounds; round++)
        {
            int[] held = stream.Ids;
            float[] chunk = ScoreStream.RandomChunk(rng, rng.Next(1, maxChunk + 1));
            var kept = stream.Round(chunk, out var evicted).ToHashSet();
            entered.AddRange(chunk.Select(s => (s, round)));
            etas.Add(stream.Memory.LastEta);
            if (!stream.Memory.AdaptsDecay) stream.Memory.LastEta.Should().Be(policy.DecayRatio);

            evicted.Select(t => t.TokenId).Should().Equal(held.Where((_, slot) => !kept.Contains(slot)), "what is not kept is evicted");
            var now = stream.Memory.Snapshot();
            now.Select(t => t.Slot).Should().Equal(Enumerable.Range(0, now.Length));
            now.Select(t => t.StreamIndex).Should().Equal(now.Select(t => (long)t.TokenId)).And.BeInAscendingOrder();
            foreach (var token in now)
            {
                var (surprisal, at) = entered[token.TokenId];
                // Independent of the engine's loop: the product of the etas of the rounds ended since the token entered.
                float decay = etas.Skip(at).Aggregate(1f, (product, eta) => product * eta);
                token.Score.Should().BeApproximately(surprisal * decay, 1e-4f,
                    "token {0} entered in round {1}, now round {2}", token.TokenId, at, round);
            }
        }
    }

    [Theory]
    [MemberData(nameof(PolicyMatrix.All), MemberType = typeof(PolicyMatrix))]
    public void Under_budget_every_slot_is_kept(string row)
    {
        var policy = PolicyMatrix.Get(row).Make();
        var rng = new Random(Seed);
        int budget = policy.Budget;

        foreach (int cached in new[] { 0, 1, budget / 2, budget - 1, budget })
        foreach (int n in new[] { 0, 1, budget - cached })
        {
            if (cached + n > budget) continue;
            float[] scores = ScoreStream.RandomChunk(rng, cached);
            policy.SelectKept(scores, n).Should().Equal(Enumerable.Range(0, cached), "{0} + {1} fit", cached, n);
        }
    }

    [Theory]
    [MemberData(nameof(PolicyMatrix.All), MemberType = typeof(PolicyMatrix))]
    public void Chunk_larger_than_the_budget_throws_naming_policy_budget_and_chunk(string row)
    {
        var policy = PolicyMatrix.Get(row).Make();
        int n = policy.Budget + 1;

        var act = () => policy.SelectKept(new float[3], n);

        act.Should().Throw<MemoryBudgetException>()
            .Which.Message.Should().Contain($"'{policy.Name}'").And.Contain($"{policy.Budget}").And.Contain($"{n}");
    }

    [Theory]
    [MemberData(nameof(PolicyMatrix.Evicting), MemberType = typeof(PolicyMatrix))]
    public void Chunk_that_would_push_out_the_sinks_throws_and_the_largest_that_fits_keeps_only_sinks(string row)
    {
        var (make, sinks, _) = PolicyMatrix.Get(row);
        var policy = make();
        float[] full = ScoreStream.RandomChunk(new Random(Seed), policy.Budget);

        policy.SelectKept(full, policy.Budget - sinks).Should().Equal(Enumerable.Range(0, sinks));
        var act = () => policy.SelectKept(full, policy.Budget - sinks + 1);
        act.Should().Throw<MemoryBudgetException>().WithMessage($"*{policy.Budget - sinks + 1} tokens*'{policy.Name}'*");
    }

    [Theory]
    [MemberData(nameof(PolicyMatrix.All), MemberType = typeof(PolicyMatrix))]
    public void Describes_itself_consistently(string row)
    {
        var policy = PolicyMatrix.Get(row).Make();

        MemoryPolicies.Names.Should().Contain(policy.Name);
        policy.Budget.Should().BePositive();
        policy.DecayRatio.Should().BeGreaterThan(0f).And.BeLessThanOrEqualTo(1f);
        var negative = () => policy.SelectKept([], -1);
        negative.Should().Throw<ArgumentOutOfRangeException>();
    }
}
