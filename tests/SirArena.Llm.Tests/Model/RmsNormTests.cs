using SirArena.Llm.Model;
using SirArena.Llm.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace SirArena.Llm.Tests.Model;

public class RmsNormTests
{
    static Tensor Activations()
    {
        manual_seed(3);
        // A large common offset makes the mean of squares need more than bfloat16's 8-bit mantissa.
        return randn(4, 7, 96).mul(TorchScalars.Of(0.3)).add(TorchScalars.Of(20.0), TorchScalars.One);
    }

    [Fact]
    public void A_bfloat16_input_is_normalised_in_float32_and_rounded_once()
    {
        TorchRuntime.EnsureLoaded();
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        using var norm = new RmsNorm(96, 1e-5);
        var narrow = Activations().to(ScalarType.BFloat16);

        var expected = norm.forward(narrow.to(ScalarType.Float32)).to(ScalarType.BFloat16);
        norm.to(ScalarType.BFloat16);
        var actual = norm.forward(narrow);

        actual.dtype.Should().Be(ScalarType.BFloat16);
        actual.eq(expected).all().item<bool>().Should().BeTrue();
    }

    [Fact]
    public void A_float32_input_is_scaled_to_unit_root_mean_square_then_by_the_weight()
    {
        TorchRuntime.EnsureLoaded();
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        using var norm = new RmsNorm(96, 1e-5);
        norm.parameters().Single().fill_(TorchScalars.Of(2.0));
        var x = Activations();

        var y = norm.forward(x);

        var rms = (y * y).mean([-1]).sqrt();
        rms.allclose(full_like(rms, TorchScalars.Of(2.0)), rtol: 1e-5, atol: 1e-5).Should().BeTrue();
    }
}
