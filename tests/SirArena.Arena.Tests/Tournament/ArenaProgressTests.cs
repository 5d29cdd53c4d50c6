using SirArena.Arena.Tournament;

namespace SirArena.Arena.Tests.Tournament;

public class ArenaProgressTests
{
    [Fact]
    public void The_time_left_is_the_pace_of_the_rounds_played_over_the_rounds_to_come()
    {
        var progress = new ArenaProgress(Matches: 4, RoundsDone: 2_000, RoundsTotal: 8_000, RoundsResumed: 0, Elapsed: TimeSpan.FromMinutes(1));

        progress.Describe().Should().Be(" 25%  2000/8000 rounds  00:01:00 (left about 00:03:00)");
    }

    [Fact]
    public void Rounds_read_back_from_an_earlier_run_do_not_count_toward_the_pace()
    {
        // Two matches read back (4,000 rounds) in no time, then 1,000 rounds played in a minute: 3,000 to come.
        var progress = new ArenaProgress(Matches: 4, RoundsDone: 5_000, RoundsTotal: 8_000, RoundsResumed: 4_000, Elapsed: TimeSpan.FromMinutes(1));

        progress.Describe().Should().EndWith("(left about 00:03:00)");
    }

    [Fact]
    public void Before_any_round_is_played_and_once_all_are_no_time_left_is_guessed()
    {
        new ArenaProgress(4, 4_000, 8_000, 4_000, TimeSpan.Zero).Describe().Should().Be(" 50%  4000/8000 rounds  00:00:00");
        new ArenaProgress(4, 8_000, 8_000, 0, TimeSpan.FromMinutes(4)).Describe().Should().Be("100%  8000/8000 rounds  00:04:00");
    }

    [Fact]
    public void A_run_past_a_day_counts_its_hours_on()
    {
        var progress = new ArenaProgress(Matches: 4, RoundsDone: 4_000, RoundsTotal: 8_000, RoundsResumed: 0, Elapsed: TimeSpan.FromHours(26.5));

        progress.Describe().Should().Be(" 50%  4000/8000 rounds  26:30:00 (left about 26:30:00)");
    }
}
