using SirArena.Llm.Tests.Support;
using SirArena.Llm.Checkpoints;
using static TorchSharp.torch;

namespace SirArena.Llm.Tests.Checkpoints;

/// <summary>Every way a safetensors file can be broken ends in one <see cref="CheckpointException"/> naming the file and the tensor.</summary>
public sealed class SafeTensorsErrorTests : IDisposable
{
    readonly TempFolder folder = new();
    readonly string path;

    public SafeTensorsErrorTests() => path = folder.File("broken.safetensors");

    public void Dispose() => folder.Dispose();

    CheckpointException OpenFails(string header, byte[] data, ulong? declaredLength = null)
    {
        RawSafeTensors.Write(path, header, data, declaredLength);
        var open = () => SafeTensorsFile.Open(path).Dispose();
        return open.Should().Throw<CheckpointException>().Which;
    }

    static string Entry(string name, string dtype, string shape, long begin, long end) =>
        $"\"{name}\":{{\"dtype\":\"{dtype}\",\"shape\":{shape},\"data_offsets\":[{begin},{end}]}}";

    [Fact]
    public void A_missing_file_is_named()
    {
        var open = () => SafeTensorsFile.Open(path);

        open.Should().Throw<CheckpointException>().WithMessage($"{path}: file not found");
    }

    [Fact]
    public void A_file_shorter_than_the_length_prefix_is_truncated()
    {
        File.WriteAllBytes(path, [1, 2, 3]);

        var open = () => SafeTensorsFile.Open(path);

        open.Should().Throw<CheckpointException>().WithMessage($"{path}: the file is 3 bytes*truncated*");
    }

    [Fact]
    public void An_absurd_header_length_is_refused_without_allocating_it()
    {
        OpenFails("{}", [], declaredLength: ulong.MaxValue).Message.Should().Contain(path).And.Contain("absurd");
    }

    [Fact]
    public void A_header_length_past_the_end_of_the_file_means_truncation()
    {
        OpenFails("{}", [], declaredLength: 4096).Message.Should().Contain(path).And.Contain("truncated");
    }

    [Fact]
    public void Malformed_json_is_reported_as_such()
    {
        OpenFails("{\"w\": {\"dtype\": ", []).Message.Should().Contain(path).And.Contain("not valid JSON");
    }

    [Fact]
    public void Data_shorter_than_the_header_says_is_truncation_naming_the_tensor()
    {
        string header = "{" + Entry("a", "F32", "[2]", 0, 8) + "," + Entry("w", "F32", "[2, 2]", 8, 24) + "}";

        var e = OpenFails(header, new byte[20]);

        e.Message.Should().Contain(path).And.Contain("tensor w").And.Contain("truncated");
    }

    [Fact]
    public void Offsets_that_overlap_name_both_tensors()
    {
        string header = "{" + Entry("a", "F32", "[2]", 0, 8) + "," + Entry("b", "F32", "[2]", 4, 12) + "}";

        OpenFails(header, new byte[12]).Message.Should().Contain(path).And.Contain("tensor b").And.Contain("overlap tensor a");
    }

    [Fact]
    public void Offsets_that_leave_a_gap_are_refused()
    {
        string header = "{" + Entry("a", "F32", "[2]", 4, 12) + "}";

        OpenFails(header, new byte[12]).Message.Should().Contain(path).And.Contain("tensor a").And.Contain("gap of 4 bytes");
    }

    [Fact]
    public void Offsets_holding_the_wrong_byte_count_for_dtype_and_shape_give_both_counts()
    {
        string header = "{" + Entry("q_proj.weight", "BF16", "[2, 3]", 0, 24) + "}";

        var e = OpenFails(header, new byte[24]);

        e.Message.Should().Contain(path).And.Contain("tensor q_proj.weight").And.Contain("24 bytes").And.Contain("needs 12");
    }

    [Fact]
    public void A_header_that_is_not_utf8_is_refused_naming_the_byte()
    {
        string header = "{" + Entry("w?", "F32", "[1]", 0, 4) + "}";
        RawSafeTensors.Write(path, header, new byte[4]);
        var bytes = File.ReadAllBytes(path);
        int at = Array.IndexOf(bytes, (byte)'?');
        bytes[at] = 0xA0; // a continuation byte with nothing to continue
        File.WriteAllBytes(path, bytes);

        var open = () => SafeTensorsFile.Open(path);

        open.Should().Throw<CheckpointException>().WithMessage($"{path}: the header is not valid UTF-8 at byte {at}*");
    }

    [Fact]
    public void An_empty_tensor_whose_other_dimensions_multiply_past_any_size_is_refused()
    {
        string header = "{" + Entry("w", "F32", "[0, 4611686018427387904, 4611686018427387904]", 0, 0) + "," + Entry("b", "F32", "[1]", 0, 4) + "}";
        RawSafeTensors.Write(path, header, new byte[4]);

        var open = () =>
        {
            using var file = SafeTensorsFile.Open(path);
            file.Read("w").Dispose();
        };

        open.Should().Throw<CheckpointException>().WithMessage($"{path}: tensor w: shape*too large*");
    }

    [Fact]
    public void Bytes_after_the_last_tensor_are_refused()
    {
        string header = "{" + Entry("a", "F32", "[1]", 0, 4) + "}";

        OpenFails(header, new byte[9]).Message.Should().Contain(path).And.Contain("5 bytes after the last tensor");
    }

    [Fact]
    public void A_dtype_the_format_does_not_have_is_refused_at_open()
    {
        string header = "{" + Entry("w", "Q4", "[2]", 0, 1) + "}";

        OpenFails(header, new byte[1]).Message.Should().Contain(path).And.Contain("tensor w").And.Contain("\"Q4\"");
    }

    [Fact]
    public void A_dtype_of_the_format_that_is_not_supported_opens_but_its_tensor_cannot_be_read()
    {
        string header = "{" + Entry("position_ids", "I64", "[2]", 0, 16) + "," + Entry("w", "F32", "[1]", 16, 20) + "}";
        RawSafeTensors.Write(path, header, new byte[20]);
        using var file = SafeTensorsFile.Open(path);

        var read = () => file.Read("position_ids");

        file.Info("position_ids").Dtype.Should().Be(SafeTensorsDtype.FromName("I64"));
        read.Should().Throw<CheckpointException>().WithMessage($"{path}: tensor position_ids has dtype I64, which is not supported*");
        using var w = file.Read("w");
        w.shape.Should().Equal(1);
    }

    [Fact]
    public void Asking_for_a_tensor_the_file_lacks_names_both()
    {
        using (var scope = NewDisposeScope())
            SafeTensorsWriter.Write(path, [("present", ones(1))], ScalarType.Float32);
        using var file = SafeTensorsFile.Open(path);

        var read = () => file.Read("absent");

        read.Should().Throw<CheckpointException>().WithMessage($"{path}: there is no tensor absent");
    }
}
