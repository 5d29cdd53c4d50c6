using SirArena.Llm.Memory;

namespace SirArena.Llm.Tests.Memory;

/// <summary>What <see cref="RetainedMemory"/> does beyond running a policy (which <see cref="PolicyInvariantTests"/> covers).</summary>
public sealed class RetainedMemoryTests
{
    [Fact]
    public void A_recorded_memory_forgets_the_named_stream_indices_and_keeps_the_rest_in_order()
    {
        var memory = RetainedMemory.Recorded(eta: 0.5f);
        memory.Append([10, 11, 12, 13], [4, 3, 2, 1], firstStreamIndex: 0);
        memory.EndRound();

        var eviction = memory.Forget(new HashSet<long> { 1, 3, 99 });

        eviction.Kept.Should().Equal(0, 2);
        eviction.Evicted.Select(t => (t.StreamIndex, t.TokenId, t.Score)).Should().Equal((1L, 11, 1.5f), (3L, 13, 0.5f));
        memory.Snapshot().Select(t => (t.Slot, t.StreamIndex, t.Score)).Should().Equal((0, 0L, 2f), (1, 2L, 1f));
    }

    [Fact]
    public void A_recorded_memory_has_no_policy_to_choose_evictions_or_a_budget_to_save()
    {
        var memory = RetainedMemory.Recorded(eta: 1f);

        FluentActions.Invoking(() => memory.MakeRoom(1)).Should().Throw<InvalidOperationException>().WithMessage("*Forget*");
        FluentActions.Invoking(() => memory.WriteState(new BinaryWriter(new MemoryStream()))).Should().Throw<InvalidOperationException>();
    }

    [Theory]
    [InlineData(0f)]
    [InlineData(1.5f)]
    [InlineData(float.NaN)]
    public void A_recorded_memory_refuses_an_eta_outside_zero_to_one(float eta) =>
        FluentActions.Invoking(() => RetainedMemory.Recorded(eta)).Should().Throw<ArgumentOutOfRangeException>().WithMessage("*eta*(0, 1]*");

    [Fact]
    public void Appending_past_the_budget_without_making_room_is_refused()
    {
        var memory = new RetainedMemory(new StreamingMemory(start: 1, recent: 3));
        memory.Append([1, 2, 3], [0, 0, 0], 0);

        FluentActions.Invoking(() => memory.Append([4, 5], [0, 0], 3)).Should().Throw<InvalidOperationException>()
            .WithMessage("*3 of its 4 tokens*2 more*");
        memory.MakeRoom(2).Kept.Should().Equal(0, 2);
        memory.Append([4, 5], [0, 0], 3);
        memory.Snapshot().Select(t => t.TokenId).Should().Equal(1, 3, 4, 5);
    }

    [Fact]
    public void Per_slot_data_that_applies_the_eviction_stays_aligned_with_the_memory()
    {
        var memory = new RetainedMemory(new SirMemory(start: 1, entropy: 2, recent: 1, eta: 1f));
        var texts = new List<string> { "a", "b", "c", "d" };
        memory.Append([0, 1, 2, 3], [0, 9, 0, 1], 0);

        memory.MakeRoom(2).ApplyTo(texts);

        memory.Snapshot().Select(t => t.TokenId).Should().Equal(0, 3);
        texts.Should().Equal("a", "d");
    }

    [Fact]
    public void A_saved_memory_restores_exactly_and_refuses_another_budget()
    {
        var saved = new RetainedMemory(new SirMemory(4, 8, 4, eta: 0.9f));
        saved.Append([5, 6, 7], [1.25f, float.NegativeInfinity, 3f], 40);
        saved.EndRound();
        var bytes = new MemoryStream();
        saved.WriteState(new BinaryWriter(bytes));

        var restored = new RetainedMemory(new SirMemory(4, 8, 4, eta: 0.9f));
        restored.ReadState(new BinaryReader(new MemoryStream(bytes.ToArray())));
        restored.Snapshot().Should().Equal(saved.Snapshot());

        var other = new RetainedMemory(new SirMemory(4, 9, 4, eta: 0.9f));
        FluentActions.Invoking(() => other.ReadState(new BinaryReader(new MemoryStream(bytes.ToArray()))))
            .Should().Throw<InvalidDataException>().WithMessage("*16 slots, this one 17*");
    }
}
