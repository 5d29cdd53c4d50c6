using SirArena.Arena.Agents;
using SirArena.Arena.Matches;
using SirArena.Arena.Replays;
using SirArena.Arena.Tests.Support;

namespace SirArena.Arena.Tests.Replays;

/// <summary>The one-writer lock of a serve folder or a chain.</summary>
public sealed class ChainLockTests : IDisposable
{
    readonly ReplayFolder folder = new();

    [Fact]
    public void A_held_lock_refuses_a_second_writer_with_one_sentence_naming_the_folder_and_the_holding_process()
    {
        using var held = ChainLock.ForServeFolder(folder.Path);

        var second = () => ChainLock.ForServeFolder(folder.Path);

        var refusal = second.Should().Throw<ChainLockedException>().Which;
        refusal.Guarded.Should().Be(folder.Path);
        refusal.Holder.Should().Contain($"process {Environment.ProcessId} on host {Environment.MachineName}");
        refusal.Message.Should().StartWith($"{folder.Path} is already being written by process {Environment.ProcessId} on host {Environment.MachineName}")
            .And.Contain(held.LockPath).And.NotContain("\n");
    }

    [Fact]
    public void A_released_lock_can_be_taken_again_and_the_lock_file_left_behind_blocks_no_one()
    {
        var first = ChainLock.ForServeFolder(folder.Path);
        var lockPath = first.LockPath;
        first.Dispose();

        File.Exists(lockPath).Should().BeTrue("a lock file is never deleted");
        File.Exists(lockPath + ".holder").Should().BeFalse("the holder is removed with the lock");
        using var second = ChainLock.ForServeFolder(folder.Path);
        second.LockPath.Should().Be(lockPath);
        File.ReadAllText(lockPath + ".holder").Should().Contain($"process {Environment.ProcessId}");
    }

    [LockingFact]
    public void While_held_the_lock_file_cannot_even_be_read_so_the_holder_is_named_in_a_file_beside_it()
    {
        using var held = ChainLock.ForServeFolder(folder.Path);

        var read = () => File.ReadAllBytes(held.LockPath);

        read.Should().Throw<IOException>();
        File.ReadAllText(held.LockPath + ".holder").Should().StartWith($"process {Environment.ProcessId} on host ");
    }

    [Fact]
    public void A_new_chain_lock_is_not_created_where_one_exists_and_is_removed_when_released()
    {
        var chain = folder.File("play-a.jsonl");
        using (var first = ChainLock.TryCreateForChain(chain))
        {
            first.Should().NotBeNull();
            first!.Guarded.Should().Be(chain);
            ChainLock.TryCreateForChain(chain).Should().BeNull("the name is taken while the lock is held");
        }
        File.Exists(chain + ChainLock.Extension).Should().BeFalse("a new chain's lock file goes with its release");
        File.Exists(chain + ChainLock.Extension + ".holder").Should().BeFalse();
    }

    [Fact]
    public void Once_a_chain_exists_its_name_is_not_given_out_again_though_its_lock_is_gone()
    {
        var now = new DateTime(2026, 11, 30, 12, 0, 0, 500, DateTimeKind.Utc);
        var spec = new MatchSpec("rock-biased", 1, new AgentSpec());
        string first;
        using (var reserved = ReplayFiles.NewChain(folder.Path, "play", spec, now))
        {
            first = reserved.Guarded;
            File.WriteAllText(first, "the chain's first file");
        }

        using var next = ReplayFiles.NewChain(folder.Path, "play", spec, now);

        next.Guarded.Should().NotBe(first);
    }

    public void Dispose() => folder.Dispose();
}
