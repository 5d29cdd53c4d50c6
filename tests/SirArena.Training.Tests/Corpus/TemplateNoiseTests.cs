using SirArena.Simulation.Games.RockPaperScissors;
using SirArena.Simulation.Opponents;
using SirArena.Simulation.Randomness;
using SirArena.Training.Corpus;
using SirArena.Training.Tests.Support;

namespace SirArena.Training.Tests.Corpus;

public class TemplateNoiseTests
{
    static List<EncodedRound> RpsStream(int rounds, TemplateNoise template)
    {
        var strategy = new BiasedStrategy(MoveDistribution.Favouring(Move.Paper, PreferenceMix.Paper));
        var encoder = new ChunkEncoder(Shipped.Tokenizer);
        var scores = new StableRandom(3).Derive("scores");
        return ScenarioStreams.Rps(strategy, rounds, new StableRandom(3)).Select((r, i) => encoder.Encode(r, scores, i, template)).ToList();
    }

    static TemplateNoise Noisy(ulong seed)
    {
        for (var random = new StableRandom(seed); ;)
            if (TemplateNoise.Draw(random) is { Level: > 1.0 } noise) return noise;
    }

    /// <summary>How many of the opponent's moves the policy's compacted context holds before the stream's last round.</summary>
    static int MovesKept(IReadOnlyList<EncodedRound> rounds, PolicyChoice policy)
    {
        var window = new WindowBuilder(512, 1).Build(rounds, policy, r => r == rounds.Count - 1).Single();
        var moveIds = MoveRules.All.Select(m => Shipped.Tokenizer.Encode(MoveRules.Name(m)).Single()).ToHashSet();
        return window.Ids[..window.PrefixLength].Count(moveIds.Contains);
    }

    [Fact]
    public void A_quiet_template_adds_nothing_and_a_stream_scores_each_template_id_alike()
    {
        var random = new StableRandom(1);
        TemplateNoise.Quiet.Extra(42, random).Should().Be(0);

        var noise = Noisy(2);
        noise.Weight(42).Should().Be(noise.Weight(42)).And.BeInRange(0, 1);
        Enumerable.Range(0, 50).Select(noise.Weight).Distinct().Should().HaveCountGreaterThan(40, "each id draws its own weight");
        Enumerable.Range(0, 200).Select(_ => noise.Extra(7, random)).Max().Should().BeLessThanOrEqualTo(2 * noise.Level * noise.Weight(7));
    }

    [Fact]
    public void Half_the_streams_are_quiet_and_the_rest_spread_over_the_levels()
    {
        var levels = Enumerable.Range(0, 2000).Select(i => TemplateNoise.Draw(new StableRandom((ulong)i)).Level).ToList();

        levels.Count(l => l == 0).Should().BeInRange(900, 1100);
        var noisy = levels.Where(l => l > 0).ToList();
        noisy.Max().Should().BeLessThanOrEqualTo(TemplateNoise.MaxLevel);
        noisy.Average().Should().BeApproximately(TemplateNoise.MaxLevel / 2, 0.1);
    }

    [Fact]
    public void Where_the_template_is_noisy_SirLLM_keeps_template_fragments_in_place_of_older_moves()
    {
        var policy = new PolicyChoice("sir", 512, 0.9f);

        int quiet = MovesKept(RpsStream(200, TemplateNoise.Quiet), policy);
        int noisy = MovesKept(RpsStream(200, Noisy(4)), policy);

        noisy.Should().BeLessThan(quiet * 3 / 4, $"quiet keeps {quiet} moves, noisy {noisy}");
    }
}
