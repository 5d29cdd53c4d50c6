using SirArena.Arena.Agents;
using SirArena.Arena.Matches;
using SirArena.Arena.Replays;

namespace SirArena.Arena.Tests.Replays;

public sealed class ReplayFilesTests : IDisposable
{
    readonly ReplayFolder folder = new();
    static readonly MatchSpec Spec = new("rock-biased", 1, new AgentSpec { Name = "sir" });

    [Fact]
    public void Two_chains_started_in_the_same_millisecond_get_a_name_each_and_hold_their_own_lock()
    {
        var now = new DateTime(2026, 11, 30, 12, 0, 0, 500, DateTimeKind.Utc);

        using var first = ReplayFiles.NewChain(folder.Path, "play", Spec, now);
        using var second = ReplayFiles.NewChain(folder.Path, "play", Spec, now);

        Path.GetFileName(first.Guarded).Should().Be("play-20261130-120000-500-rock-biased-sir-s1.jsonl");
        Path.GetFileName(second.Guarded).Should().Be("play-20261130-120000-501-rock-biased-sir-s1.jsonl");
        File.Exists(first.LockPath).Should().BeTrue();
        File.Exists(second.LockPath).Should().BeTrue();
    }

    [Fact]
    public void A_new_chain_never_takes_the_name_of_an_existing_replay()
    {
        var now = new DateTime(2026, 11, 30, 12, 0, 0, 0, DateTimeKind.Utc);
        File.WriteAllText(folder.File("play-20261130-120000-000-rock-biased-sir-s1.jsonl"), "an older replay");

        using var chain = ReplayFiles.NewChain(folder.Path, "play", Spec, now);

        Path.GetFileName(chain.Guarded).Should().Be("play-20261130-120000-001-rock-biased-sir-s1.jsonl");
    }

    public void Dispose() => folder.Dispose();
}
