using SirArena.Cli.Views;

namespace SirArena.Cli.Tests;

public class RoundRangeTests
{
    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(1999, 0, 1999)]
    [InlineData(4999, 0, 4999)]
    [InlineData(5000, 1, 5000)]
    [InlineData(99_999, 95_000, 99_999)]
    public void The_default_page_holds_the_whole_replay_up_to_5000_rounds_and_else_its_last_5000(long last, long from, long to) =>
        RoundRange.Default(last).Should().Be(new RoundRange(from, to));

    [Fact]
    public void A_range_reads_as_FROM_TO() => RoundRange.Parse("10-39").Should().Be(new RoundRange(10, 39));

    [Theory]
    [InlineData("39-10")]
    [InlineData("10")]
    [InlineData("-5-10")]
    [InlineData("a-b")]
    [InlineData("1-2-3")]
    public void A_range_that_is_not_FROM_TO_with_FROM_no_larger_is_refused_naming_the_flag(string text) =>
        FluentActions.Invoking(() => RoundRange.Parse(text)).Should().Throw<ArgumentException>().WithMessage("--rounds*FROM-TO*");
}
