using SirArena.Arena.Agents;

namespace SirArena.Arena.Tests.Agents;

public class DistinguishingPrefixesTests
{
    [Fact]
    public void Candidates_with_distinct_first_tokens_are_decided_by_their_first_token()
    {
        DistinguishingPrefixes.Of([[1, 2, 3], [4, 5], [6]]).Should().BeEquivalentTo(new int[][] { [1], [4], [6] }, o => o.WithStrictOrdering());
    }

    [Fact]
    public void Candidates_that_share_tokens_are_decided_by_the_first_token_that_tells_them_apart()
    {
        int[][] candidates = [[7, 1, 2, 9], [7, 1, 3], [7, 4, 5], [8, 1]];

        DistinguishingPrefixes.Of(candidates).Should().BeEquivalentTo(new int[][] { [7, 1, 2], [7, 1, 3], [7, 4], [8] }, o => o.WithStrictOrdering());
    }

    [Fact]
    public void A_candidate_that_another_starts_with_is_scored_whole()
    {
        DistinguishingPrefixes.Of([[5, 6], [5, 6, 7], [5]]).Should().BeEquivalentTo(new int[][] { [5, 6], [5, 6, 7], [5] }, o => o.WithStrictOrdering());
    }

    [Fact]
    public void No_prefix_is_the_start_of_another_candidate_and_none_is_longer_than_it_must_be()
    {
        var random = new Random(3);
        for (int trial = 0; trial < 200; trial++)
        {
            var candidates = Enumerable.Range(0, random.Next(2, 6))
                .Select(_ => Enumerable.Range(0, random.Next(1, 5)).Select(_ => random.Next(3)).ToArray())
                .DistinctBy(c => string.Join(",", c)).ToArray();
            var prefixes = DistinguishingPrefixes.Of(candidates);
            for (int i = 0; i < candidates.Length; i++)
            {
                candidates[i].Should().StartWith(prefixes[i]);
                bool StartsAnother(int n) => candidates.Where((_, j) => j != i).Any(c => c.Length >= n && c.Take(n).SequenceEqual(candidates[i].Take(n)));
                if (prefixes[i].Length < candidates[i].Length) StartsAnother(prefixes[i].Length).Should().BeFalse();
                if (prefixes[i].Length > 1) StartsAnother(prefixes[i].Length - 1).Should().BeTrue("a shorter prefix would do");
            }
        }
    }
}
