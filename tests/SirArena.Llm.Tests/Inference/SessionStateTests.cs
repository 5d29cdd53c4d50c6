using SirArena.Llm.Inference;
using SirArena.Llm.Memory;
using SirArena.Llm.Tests.Support;
using static TorchSharp.torch;

namespace SirArena.Llm.Tests.Inference;

/// <summary>A checkpointed stream continues in a new session exactly as the original goes on.</summary>
public class SessionStateTests
{
    static IMemoryPolicy Sir() => MemoryPolicies.Create(new MemoryPolicyOptions("sir", 24, 4, null, 0.9f, 1024));

    [Fact]
    public void A_restored_session_continues_bit_for_bit_like_the_one_it_was_saved_from()
    {
        using var scope = NewDisposeScope();
        var model = TinyModels.Create(seed: 3);
        var tokens = TinyModels.Tokens(90, seed: 5);
        using var original = new StreamSession(model, Sir());
        int at = 0;
        foreach (int size in new[] { 9, 7, 11, 6, 8 })
        {
            original.Prefill(tokens.AsSpan(at, size), reserve: 2);
            original.EndRound();
            at += size;
        }
        var saved = new MemoryStream();
        using (var writer = new BinaryWriter(saved, System.Text.Encoding.UTF8, leaveOpen: true)) original.SaveState(writer);

        using var restored = new StreamSession(model, Sir());
        saved.Position = 0;
        using (var reader = new BinaryReader(saved)) restored.RestoreState(reader);

        restored.TokensSeen.Should().Be(original.TokensSeen);
        restored.Retained().Should().Equal(original.Retained());
        foreach (int size in new[] { 10, 5, 12, 7 })
        {
            var a = original.Prefill(tokens.AsSpan(at, size), reserve: 2);
            var b = restored.Prefill(tokens.AsSpan(at, size), reserve: 2);
            b.Surprisal.Should().Equal(a.Surprisal, "the same cache and last logits give the same numbers, exactly");
            b.Evicted.Should().Equal(a.Evicted);
            restored.ScoreCandidates([1, 2, 3]).Should().Equal(original.ScoreCandidates([1, 2, 3]));
            original.EndRound();
            restored.EndRound();
            at += size;
        }
        restored.Retained().Should().Equal(original.Retained());
    }

    [Fact]
    public void A_state_saved_under_another_budget_is_refused_with_what_differs()
    {
        using var scope = NewDisposeScope();
        var model = TinyModels.Create();
        using var original = new StreamSession(model, Sir());
        original.Prefill(TinyModels.Tokens(10));
        var saved = new MemoryStream();
        using (var writer = new BinaryWriter(saved, System.Text.Encoding.UTF8, leaveOpen: true)) original.SaveState(writer);

        using var other = new StreamSession(model, MemoryPolicies.Create(new MemoryPolicyOptions("sir", 32, 4, null, 0.9f, 1024)));
        saved.Position = 0;
        var restore = () => other.RestoreState(new BinaryReader(saved));

        restore.Should().Throw<InvalidDataException>().WithMessage("*budget*");
    }
}
