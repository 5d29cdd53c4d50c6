using SirArena.Llm.Checkpoints;
using SirArena.Llm.Runtime;
using SirArena.Llm.Tests.Support;
using TorchSharp;
using static TorchSharp.torch;

namespace SirArena.Llm.Tests.Checkpoints;

public sealed class SafeTensorsRoundTripTests : IDisposable
{
    readonly TempFolder folder = new();
    readonly DisposeScope scope = NewDisposeScope();

    public void Dispose()
    {
        scope.Dispose();
        folder.Dispose();
    }

    static List<(string Name, Tensor Tensor)> RandomTensors()
    {
        manual_seed(7);
        return
        [
            ("b.weight", randn(5, 3).mul(TorchScalars.Of(100L))),
            ("a.bias", randn(7)),
            ("c.scalar", tensor(0.1f)),
            ("d.empty", zeros(0, 4)),
        ];
    }

    [Theory]
    [InlineData(ScalarType.Float32, "F32")]
    [InlineData(ScalarType.Float16, "F16")]
    [InlineData(ScalarType.BFloat16, "BF16")]
    public void A_tensor_reads_back_as_its_value_rounded_through_the_stored_dtype(ScalarType storeAs, string dtypeName)
    {
        var tensors = RandomTensors();
        string path = folder.File("t.safetensors");

        SafeTensorsWriter.Write(path, tensors, storeAs);

        using var file = SafeTensorsFile.Open(path);
        file.Names.Should().Equal("a.bias", "b.weight", "c.scalar", "d.empty");
        foreach (var (name, original) in tensors)
        {
            file.Info(name).Dtype.Name.Should().Be(dtypeName);
            file.Info(name).Shape.Should().Equal(original.shape);
            var expected = original.to(storeAs).to(ScalarType.Float32);
            var asStored = file.Read(name);
            asStored.dtype.Should().Be(storeAs);
            asStored.shape.Should().Equal(original.shape);
            TensorValues.Same(asStored.to(ScalarType.Float32), expected).Should().BeTrue(name);
            TensorValues.Same(file.Read(name, ScalarType.Float32), expected).Should().BeTrue(name);
        }
    }

    [Fact]
    public void Half_precision_really_rounds_so_the_exactness_checks_above_can_fail()
    {
        var value = tensor(new[] { 0.1f, 1234.567f });
        string path = folder.File("h.safetensors");
        SafeTensorsWriter.Write(path, [("v", value)], ScalarType.BFloat16);

        using var file = SafeTensorsFile.Open(path);

        TensorValues.Same(file.Read("v", ScalarType.Float32), value).Should().BeFalse();
    }

    [Fact]
    public void Metadata_and_a_tensor_on_which_gradients_are_tracked_are_written()
    {
        var weight = randn(2, 2).requires_grad_(true);
        string path = folder.File("m.safetensors");

        SafeTensorsWriter.Write(path, [("w", weight)], ScalarType.Float32, new Dictionary<string, string> { ["format"] = "pt" });

        using var file = SafeTensorsFile.Open(path);
        file.Metadata.Should().Equal(new Dictionary<string, string> { ["format"] = "pt" });
        TensorValues.Same(file.Read("w"), weight.detach()).Should().BeTrue();
    }

    [Fact]
    public void Writing_over_an_existing_file_replaces_it_and_leaves_no_partial_file()
    {
        string path = folder.File("x.safetensors");
        SafeTensorsWriter.Write(path, [("old", ones(3))], ScalarType.Float32);

        SafeTensorsWriter.Write(path, [("new", ones(2))], ScalarType.Float32);

        using var file = SafeTensorsFile.Open(path);
        file.Names.Should().Equal("new");
        Directory.GetFiles(folder.Path).Should().Equal(path);
    }

    [Fact]
    public void Duplicate_names_and_unsupported_storage_types_are_refused_before_anything_is_written()
    {
        string path = folder.File("bad.safetensors");

        var twice = () => SafeTensorsWriter.Write(path, [("w", ones(1)), ("w", ones(1))], ScalarType.Float32);
        var asInt = () => SafeTensorsWriter.Write(path, [("w", ones(1))], ScalarType.Int64);

        twice.Should().Throw<ArgumentException>().WithMessage("*w*twice*");
        asInt.Should().Throw<ArgumentException>().WithMessage("*Int64*");
        File.Exists(path).Should().BeFalse();
    }
}
