using SirArena.Training.Corpus;
using SirArena.Training.Learning;

namespace SirArena.Training.Tests.Learning;

public class OpeningFirstBatchesTests
{
    static readonly AnswerTarget[] Rps = [new(0, 1, [1, 2, 3], RoundKind.Rps)];
    static readonly AnswerTarget[] Grocery = [new(0, 1, [1, 2], RoundKind.GroceryQuestion), new(0, 1, [1, 2], RoundKind.GroceryRecall)];

    /// <summary>Every fourth window an opening, the others alternately Rock-Paper-Scissors and long grocery windows.</summary>
    static List<TrainingWindow> Pool() => Enumerable.Range(0, 40)
        .Select(i => i % 4 == 0 ? new TrainingWindow([i], 0, Grocery, TrainingWindow.Opening)
            : new TrainingWindow([i], 0, i % 2 == 1 ? Rps : Grocery, "sir-512-0.9"))
        .ToList();

    [Fact]
    public void The_opening_steps_train_on_openings_and_rock_paper_scissors_half_and_half_and_later_steps_on_the_whole_pool_as_before()
    {
        var pool = Pool();
        var batches = new OpeningFirstBatches(pool, batchSize: 4, openingSteps: 5, seed: 1);
        var plain = new BatchOrder(pool.Count, 4, 1);

        for (int step = 0; step < 5; step++)
        {
            var batch = batches.At(step).Select(i => pool[i]).ToList();
            batch.Count(w => w.Policy == TrainingWindow.Opening).Should().Be(2, $"step {step}");
            batch.Count(w => w.Answers == Rps).Should().Be(2, $"step {step}");
        }
        Enumerable.Range(0, 5).SelectMany(batches.At).Distinct().Should().HaveCountGreaterThan(4, "the windows are walked through, not repeated");
        for (int step = 5; step < 30; step++) batches.At(step).Should().Equal(plain.Indices(step));
        batches.At(2).Should().Equal(new OpeningFirstBatches(pool, 4, 5, 1).At(2), "a step's batch depends only on the step");
    }

    [Fact]
    public void The_opening_share_sets_how_many_windows_of_an_opening_step_are_openings()
    {
        var pool = Pool();
        var batches = new OpeningFirstBatches(pool, batchSize: 4, openingSteps: 5, seed: 1, openingShare: 0.75);

        for (int step = 0; step < 5; step++)
            batches.At(step).Count(i => pool[i].Policy == TrainingWindow.Opening).Should().Be(3, $"step {step}");
    }

    [Fact]
    public void Without_rock_paper_scissors_windows_the_opening_steps_draw_openings_only()
    {
        var pool = Pool().Where(w => w.Answers != Rps).ToList();
        var batches = new OpeningFirstBatches(pool, batchSize: 4, openingSteps: 5, seed: 1);

        Enumerable.Range(0, 5).SelectMany(batches.At).Should().OnlyContain(i => pool[i].Policy == TrainingWindow.Opening);
    }

    [Fact]
    public void Without_openings_in_the_pool_there_is_no_opening_phase()
    {
        var pool = Pool().Select(w => w with { Policy = "streaming-512" }).ToList();
        var batches = new OpeningFirstBatches(pool, batchSize: 4, openingSteps: 5, seed: 1);

        batches.OpeningSteps.Should().Be(0);
        batches.At(0).Should().Equal(new BatchOrder(pool.Count, 4, 1).Indices(0));
    }
}
