using SirArena.Llm.Memory;

namespace SirArena.Llm.Tests.Memory;

/// <summary>Settings fail on construction with the setting's name and range; the factory maps names and defaults.</summary>
public sealed class MemorySettingsTests
{
    [Fact]
    public void Budget_split_adds_up_and_rejects_bad_sizes()
    {
        new MemoryBudget(4, 20, 8).Total.Should().Be(32);
        new MemoryBudget().Should().Be(new MemoryBudget(4, 508, 0));

        FluentActions.Invoking(() => new MemoryBudget(-1, 4, 4)).Should().Throw<ArgumentOutOfRangeException>()
            .WithMessage("Start must be >= 0; got -1*");
        FluentActions.Invoking(() => new MemoryBudget(4, 4, -2)).Should().Throw<ArgumentOutOfRangeException>()
            .WithMessage("Recent must be >= 0; got -2*");
        FluentActions.Invoking(() => new MemoryBudget(4, 0, 0)).Should().Throw<ArgumentOutOfRangeException>()
            .WithMessage("*Entropy + Recent must be >= 1*4 sinks*");
    }

    [Theory]
    [InlineData(0f)]
    [InlineData(-0.5f)]
    [InlineData(1.01f)]
    [InlineData(float.NaN)]
    public void Eta_outside_zero_to_one_is_rejected(float eta) =>
        FluentActions.Invoking(() => new SirMemory(4, 8, 0, eta)).Should().Throw<ArgumentOutOfRangeException>()
            .WithMessage("eta (the decay ratio eta) must be in (0, 1]*");

    [Fact]
    public void Defaults_scale_the_reference_shape_to_512_tokens()
    {
        var sir = MemoryPolicies.Create(new()).Should().BeOfType<SirMemory>().Subject;
        sir.Sizes.Should().Be(new MemoryBudget(4, 508, 0));
        sir.DecayRatio.Should().Be(0.9f);

        var streaming = MemoryPolicies.Create(new("streaming")).Should().BeOfType<StreamingMemory>().Subject;
        (streaming.Start, streaming.Recent, streaming.Budget).Should().Be((4, 508, 512));

        var full = MemoryPolicies.Create(new(" FULL ", PretrainingLength: 1024)).Should().BeOfType<FullMemory>().Subject;
        full.MaxTokens.Should().Be(1024);
    }

    [Fact]
    public void Sir_recent_slots_come_out_of_the_entropy_share() =>
        MemoryPolicies.Create(new("sir", Budget: 256, Recent: 64, Eta: 1f)).Should().BeOfType<SirMemory>()
            .Which.Sizes.Should().Be(new MemoryBudget(4, 188, 64));

    [Fact]
    public void Every_known_name_builds_its_policy()
    {
        foreach (string name in MemoryPolicies.Names)
            MemoryPolicies.Create(new(name)).Name.Should().Be(name);
    }

    [Fact]
    public void Unknown_name_lists_the_known_ones() =>
        FluentActions.Invoking(() => new MemoryPolicyOptions("lru")).Should().Throw<ArgumentException>()
            .WithMessage("Unknown memory policy 'lru'; known: full, streaming, sir, sir-adaptive*");

    [Fact]
    public void Options_name_the_setting_and_its_range()
    {
        FluentActions.Invoking(() => new MemoryPolicyOptions(Budget: 4096)).Should().Throw<ArgumentOutOfRangeException>()
            .WithMessage("Budget must be in [5, 2048]; got 4096*");
        FluentActions.Invoking(() => new MemoryPolicyOptions(Budget: 4)).Should().Throw<ArgumentOutOfRangeException>()
            .WithMessage("Budget must be in [5, 2048]; got 4*");
        FluentActions.Invoking(() => new MemoryPolicyOptions(Recent: 509)).Should().Throw<ArgumentOutOfRangeException>()
            .WithMessage("Recent must be in [0, 508]; got 509*");
        FluentActions.Invoking(() => new MemoryPolicyOptions(Eta: 0f)).Should().Throw<ArgumentOutOfRangeException>()
            .WithMessage("Eta (the decay ratio eta) must be in (0, 1]*");
    }

    [Fact]
    public void Streaming_recent_must_agree_with_the_budget()
    {
        MemoryPolicies.Create(new("streaming", Recent: 508)).Budget.Should().Be(512);
        FluentActions.Invoking(() => MemoryPolicies.Create(new("streaming", Recent: 100))).Should().Throw<ArgumentException>()
            .WithMessage("Recent = 100 disagrees*Budget - Start = 508*");
    }
}
