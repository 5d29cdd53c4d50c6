using SirArena.Training.Corpus;
using SirArena.Training.Learning;

namespace SirArena.Training.Tests.Learning;

public class OpeningFirstBatchesTests
{
    static List<TrainingWindow> Pool() => Enumerable.Range(0, 40)
        .Select(i => new TrainingWindow([i], 0, [], i % 4 == 0 ? TrainingWindow.Opening : "sir-512-0.9"))
        .ToList();

    [Fact]
    public void The_opening_steps_train_on_openings_only_and_later_steps_on_the_whole_pool_as_before()
    {
        var pool = Pool();
        var batches = new OpeningFirstBatches(pool, batchSize: 4, openingSteps: 5, seed: 1);
        var plain = new BatchOrder(pool.Count, 4, 1);

        Enumerable.Range(0, 5).SelectMany(batches.At).Should().OnlyContain(i => pool[i].Policy == TrainingWindow.Opening)
            .And.Contain(i => i != 0, "the openings are walked through, not one repeated");
        for (int step = 5; step < 30; step++) batches.At(step).Should().Equal(plain.Indices(step));
        batches.At(2).Should().Equal(new OpeningFirstBatches(pool, 4, 5, 1).At(2), "a step's batch depends only on the step");
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
