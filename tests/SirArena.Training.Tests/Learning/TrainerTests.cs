using SirArena.Llm.Inference;
using SirArena.Llm.Memory;
using SirArena.Simulation.Loop;
using SirArena.Training.Learning;
using SirArena.Training.Tests.Support;

namespace SirArena.Training.Tests.Learning;

public class TrainerTests
{
    [Theory]
    [InlineData(TrainingPrecision.Fp32)]
    [InlineData(TrainingPrecision.Bf16)]
    public void A_few_steps_on_a_tiny_config_lower_the_loss_and_leave_a_loadable_model_folder(TrainingPrecision precision)
    {
        using var folder = new TempFolder();

        var summary = new Trainer(TinyRun.Options(folder.Path, steps: 40) with { Precision = precision }).Run();

        var losses = TinyRun.Losses(folder.Path);
        losses.Should().HaveCount(40);
        losses.TakeLast(5).Average().Should().BeLessThan(0.6 * losses.Take(3).Average());
        summary.Completed.Should().BeTrue();
        using var model = LanguageModel.Load(folder.Path);
        model.Tokenizer.VocabSize.Should().Be(model.Decoder.Config.VocabSize);
        model.Decoder.Config.MaxPositionEmbeddings.Should().Be(128);
        model.Decoder.parameters().Should().OnlyContain(p => p.dtype == TorchSharp.torch.ScalarType.Float32);
        PlaysTwentyRounds(model);
    }

    /// <summary>The trained folder drives the engine's own session as the LLM agent does, within its L.</summary>
    static void PlaysTwentyRounds(LanguageModel model)
    {
        var policy = MemoryPolicies.Create(new MemoryPolicyOptions("sir", Budget: 128, Eta: 0.9f, PretrainingLength: 128));
        using var session = new StreamSession(model.Decoder, policy);
        var scenario = Shipped.Catalog.Create("rock-biased", seed: 2);
        for (int round = 0; round < 20; round++)
        {
            var turn = scenario.NextTurn();
            session.Prefill(model.Tokenizer.Encode(turn.Prompt), reserve: 1);
            var choice = AgentChoice.ArgMax(session.ScoreCandidates(turn.Candidates.Select(c => model.Tokenizer.Encode(c)[0]).ToArray()));
            session.Prefill(model.Tokenizer.Encode(turn.Candidates[choice.Index]));
            session.EndRound();
            scenario.Resolve(choice);
        }
        session.CachedTokens.Should().BeLessThanOrEqualTo(128);
    }

    [Fact]
    public void A_stopped_run_resumes_from_its_checkpoint_and_ends_where_an_unbroken_run_ends()
    {
        using var broken = new TempFolder();
        using var whole = new TempFolder();
        using var stop = new CancellationTokenSource();
        var stopAtFour = new Stopper(stop, atStep: 4);

        var first = new Trainer(TinyRun.Options(broken.Path, steps: 8), stopAtFour).Run(stop.Token);
        var resumed = new Trainer(TinyRun.Options(broken.Path, steps: 8), new Stopper(null, 0) { Log = stopAtFour.Log }).Run();
        new Trainer(TinyRun.Options(whole.Path, steps: 8)).Run();

        first.Steps.Should().Be(4);
        first.Completed.Should().BeFalse();
        stopAtFour.Log.Should().Contain(m => m.StartsWith("resumed at step 4", StringComparison.Ordinal));
        resumed.Steps.Should().Be(8);
        var brokenLosses = TinyRun.Losses(broken.Path);
        brokenLosses.Should().HaveCount(8, "the log reads as one run");
        brokenLosses.Should().BeEquivalentTo(TinyRun.Losses(whole.Path), o => o.WithStrictOrdering()
            .Using<double>(c => c.Subject.Should().BeApproximately(c.Expectation, 1e-3)).WhenTypeIs<double>());
    }

    sealed class Stopper(CancellationTokenSource? stop, int atStep) : IProgress<TrainingProgress>
    {
        public List<string> Log { get; init; } = [];

        public void Report(TrainingProgress value)
        {
            if (value.Message is not null) Log.Add(value.Message);
            if (value.Step == atStep && value.Message is null) stop?.Cancel();
        }
    }
}
