using SirArena.Cli.Benchmarks;
using SirArena.Llm.Model;

namespace SirArena.Cli.Tests;

public class MatmulFloorTests
{
    [Fact]
    public void A_rounds_flops_are_twice_its_multiply_adds_per_token()
    {
        var config = new LlamaConfig
        {
            VocabSize = 10, HiddenSize = 4, IntermediateSize = 8, NumHiddenLayers = 1, NumAttentionHeads = 2, NumKeyValueHeads = 1,
        };

        // Per token: q 4x4, k and v 4x2 each, o 4x4, MLP 3 x 4x8 = 144; attention 2 x 4 x 5 keys = 40; head 4x10 = 40.
        MatmulFloor.RoundFlops(config, tokens: 3, keys: 5).Should().Be(2.0 * 3 * (144 + 40 + 40));
    }
}
