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
    public void A_new_chain_lock_is_not_created_where_one_exists()
    {
        var chain = folder.File("play-a.jsonl");
        using (var first = ChainLock.TryCreateForChain(chain))
        {
            first.Should().NotBeNull();
            first!.Guarded.Should().Be(chain);
            ChainLock.TryCreateForChain(chain).Should().BeNull("the name is taken while the lock is held");
        }
        ChainLock.TryCreateForChain(chain).Should().BeNull("the lock file stays, and with it the chain's claim on its name");
    }

    public void Dispose() => folder.Dispose();
}
