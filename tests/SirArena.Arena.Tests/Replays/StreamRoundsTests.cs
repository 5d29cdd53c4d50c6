using SirArena.Arena.Replays;

namespace SirArena.Arena.Tests.Replays;

public class StreamRoundsTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(9, 0)]
    [InlineData(10, 1)]
    [InlineData(24, 1)]
    [InlineData(25, 2)]
    [InlineData(1000, 2)]
    public void A_stream_index_belongs_to_the_last_round_that_begins_at_or_before_it(long stream, int round) =>
        StreamRounds.RoundOf([0, 10, 25], stream).Should().Be(round);

    [Fact]
    public void Before_the_first_round_or_with_no_rounds_there_is_none() =>
        new[] { StreamRounds.RoundOf([5, 10], 4), StreamRounds.RoundOf([], 3) }.Should().Equal(-1, -1);
}
