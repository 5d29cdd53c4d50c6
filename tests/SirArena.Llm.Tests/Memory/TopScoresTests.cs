using SirArena.Llm.Memory;

namespace SirArena.Llm.Tests.Memory;

/// <summary>The heap top-k must pick what a stable descending sort picks, ties and NaN included.</summary>
public sealed class TopScoresTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Matches_the_first_k_of_a_stable_descending_sort(int seed)
    {
        var rng = new Random(seed);
        for (int trial = 0; trial < 200; trial++)
        {
            int cached = rng.Next(0, 3000);
            int k = rng.Next(-2, cached + 3);
            float[] scores = Enumerable.Range(0, cached)
                .Select(_ => rng.Next(10) == 0 ? float.NaN : rng.Next(6) * 0.5f).ToArray();
            var chosen = new bool[cached];

            int marked = TopScores.Mark(scores, k, chosen);

            // OrderByDescending is stable and compares floats like float.CompareTo (NaN lowest).
            var expected = Enumerable.Range(0, cached).OrderByDescending(i => scores[i]).Take(Math.Max(k, 0)).Order();
            Enumerable.Range(0, cached).Where(i => chosen[i]).Should().Equal(expected, "trial {0}", trial);
            marked.Should().Be(Math.Clamp(k, 0, cached));
        }
    }
}
