using SirArena.Llm.Memory;

namespace SirArena.Llm.Tests.Memory;

public sealed class FullMemoryTests
{
    [Fact]
    public void Keeps_everything_up_to_the_pretraining_length_then_refuses()
    {
        var full = new FullMemory(maxTokens: 16);

        full.SelectKept(new float[10], 6).Should().Equal(Enumerable.Range(0, 10));
        var act = () => full.SelectKept(new float[10], 7);

        act.Should().Throw<MemoryBudgetException>()
            .WithMessage("*outgrew*pre-training length L = 16*10 cached + 7 incoming = 17*'streaming'*'sir'*");
    }

    [Fact]
    public void Needs_a_positive_length() =>
        FluentActions.Invoking(() => new FullMemory(0)).Should().Throw<ArgumentOutOfRangeException>()
            .WithMessage("*maxTokens must be >= 1; got 0*");
}
