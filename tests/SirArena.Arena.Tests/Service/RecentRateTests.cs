using SirArena.Arena.Service;

namespace SirArena.Arena.Tests.Service;

/// <summary>The recent rate behind sirarena.rounds.rate: a window long at least, however often it is read.</summary>
public class RecentRateTests
{
    static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);

    [Fact]
    public void While_the_run_is_younger_than_the_window_the_rate_is_the_rise_since_counting_began()
    {
        var rate = new RecentRate(S(10), S(0), 100);

        rate.Observe(S(2), 120).Should().BeApproximately(10, 1e-9);
        rate.Observe(S(4), 180).Should().BeApproximately(20, 1e-9);
    }

    [Fact]
    public void Once_the_run_is_older_than_the_window_the_rate_forgets_what_came_before_it()
    {
        var rate = new RecentRate(S(10), S(0), 0);
        for (int second = 1; second <= 20; second++) rate.Observe(S(second), second <= 10 ? second * 100 : 1000 + (second - 10) * 5);

        // 100 rounds a second for 10 s, then 5 a second: the last 10 s saw only the slow rounds.
        rate.Observe(S(21), 1055).Should().BeApproximately(5, 1e-9);
    }

    [Fact]
    public void Read_seldom_the_rate_spans_the_time_since_the_read_before()
    {
        var rate = new RecentRate(S(10), S(0), 0);
        rate.Observe(S(60), 600);

        rate.Observe(S(120), 1800).Should().BeApproximately(20, 1e-9, "the one sample before is a minute back, older than the window");
    }

    [Fact]
    public void Two_reads_at_one_moment_give_the_same_rate_not_a_division_by_zero()
    {
        var rate = new RecentRate(S(10), S(0), 0);

        double first = rate.Observe(S(3), 30);
        rate.Observe(S(3), 30).Should().Be(first);
        new RecentRate(S(10), S(5), 7).Observe(S(5), 7).Should().Be(0);
    }
}
