using SirArena.Llm.Memory;

namespace SirArena.Llm.Tests.Memory;

/// <summary>StreamingLLM keeps exactly the sinks 0..start-1 and the newest B - n - start slots, whatever the scores.</summary>
public sealed class StreamingMemoryTests
{
    [Theory]
    [InlineData(4, 28, 32, 1)]
    [InlineData(4, 28, 32, 28)]
    [InlineData(4, 28, 40, 5)]
    [InlineData(0, 8, 8, 3)]
    [InlineData(1, 3, 4, 2)]
    [InlineData(4, 508, 512, 44)]
    public void Keeps_the_sinks_and_the_newest_slots(int start, int recent, int cached, int n)
    {
        int budget = start + recent, newest = budget - n - start;
        // Falling scores: any policy reading them would keep the oldest slots instead.
        float[] scores = Enumerable.Range(0, cached).Select(i => (float)(cached - i)).ToArray();
        int[] expected = [.. Enumerable.Range(0, start), .. Enumerable.Range(cached - newest, newest)];

        new StreamingMemory(start, recent).SelectKept(scores, n).Should().Equal(expected);
    }
}
