using SirArena.Llm.Model;
using static TorchSharp.torch;

namespace SirArena.Llm.Tests.Model;

/// <summary>
/// Collections triggered by another thread while native calls run: every value a call reads must stay reachable
/// until it returns (see TorchScalars). A Scalar left to the finalizer is freed mid-call here within a second or so,
/// and libtorch fails with "Expected false to be true ... toFloat at c10/core/Scalar.h".
/// </summary>
public class CollectionPressureTests
{
    [Fact]
    public async Task Rotary_positions_computed_while_another_thread_collects_are_exact_and_raise_no_native_error()
    {
        using var scope = NewDisposeScope();
        using var rope = new RotaryEmbedding(headDim: 8, theta: 10000, maxPositions: 16);
        var (cos, sin) = rope.Angles(3, 4);
        var x = randn(1, 2, 4, 8, generator: new TorchSharp.torch.Generator(5));
        var expected = RotaryEmbedding.Rotate(x, cos, sin);

        using var stop = new CancellationTokenSource();
        var collector = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
            }
        });
        try
        {
            for (int i = 0; i < 200_000; i++)
            {
                using var step = NewDisposeScope();
                if (!RotaryEmbedding.Rotate(x, cos, sin).eq(expected).all().item<bool>())
                    throw new Xunit.Sdk.XunitException($"rotation {i} differs from the first");
            }
        }
        finally
        {
            await stop.CancelAsync();
            await collector;
        }
    }
}
