using SirArena.Simulation.Loop;

namespace SirArena.Simulation.Tests.Loop;

public sealed class ProgressClockTests
{
    [Theory]
    [InlineData(0, "00:00:00")]
    [InlineData(3_599, "00:59:59")]
    [InlineData(4 * 3_600 + 12, "04:00:12")]
    [InlineData(27 * 3_600 + 3 * 60 + 10, "27:03:10")] // past a day the hours go on counting
    [InlineData(100 * 3_600 + 59, "100:00:59")]
    public void A_time_is_shown_as_hours_minutes_and_seconds_with_every_hour_counted(int seconds, string expected) =>
        ProgressClock.Format(TimeSpan.FromSeconds(seconds)).Should().Be(expected);

    [Fact]
    public void The_time_left_is_the_pace_so_far_times_the_work_to_come()
    {
        ProgressClock.Left(TimeSpan.FromMinutes(10), done: 100, toCome: 300).Should().Be(TimeSpan.FromMinutes(30));
        ProgressClock.Left(TimeSpan.FromHours(20), done: 1, toCome: 2).Should().Be(TimeSpan.FromHours(40));
    }

    [Theory]
    [InlineData(0, 10)]
    [InlineData(10, 0)]
    [InlineData(10, -5)]
    public void Nothing_done_or_nothing_to_come_leaves_no_time_to_say(long done, long toCome) =>
        ProgressClock.Left(TimeSpan.FromMinutes(3), done, toCome).Should().BeNull();
}
