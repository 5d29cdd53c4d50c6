using SirArena.Llm.Tests.Support;
using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using SirArena.Llm.Checkpoints;
using static TorchSharp.torch;

namespace SirArena.Llm.Tests.Checkpoints;

/// <summary>The bytes the writer produces, checked against the safetensors format itself rather than against our reader.</summary>
public sealed class SafeTensorsFormatTests : IDisposable
{
    readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void A_written_file_has_a_length_prefix_a_space_padded_8_byte_aligned_header_and_contiguous_offsets()
    {
        using var scope = NewDisposeScope();
        manual_seed(3);
        string path = folder.File("f.safetensors");
        // Odd element counts in F16 make the natural header length and the data end unaligned.
        SafeTensorsWriter.Write(path, [("z", randn(3)), ("a", randn(1, 5)), ("m", randn(2, 3, 1))], ScalarType.Float16,
            new Dictionary<string, string> { ["format"] = "pt" });

        byte[] bytes = File.ReadAllBytes(path);
        long headerLength = (long)BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        headerLength.Should().BeLessThan(bytes.Length);
        (headerLength % 8).Should().Be(0);
        string header = Encoding.UTF8.GetString(bytes, 8, (int)headerLength);
        header.TrimEnd(' ').Should().EndWith("}", "padding is spaces after the JSON");
        header.TrimEnd(' ').Length.Should().BeLessThan(header.Length, "this header needs padding, so padding is tested");

        using var json = JsonDocument.Parse(header);
        var entries = json.RootElement.EnumerateObject().ToList();
        entries.Select(e => e.Name).Should().Equal("__metadata__", "a", "m", "z");
        entries[0].Value.GetProperty("format").GetString().Should().Be("pt");
        long next = 0;
        foreach (var entry in entries.Skip(1))
        {
            entry.Value.GetProperty("dtype").GetString().Should().Be("F16");
            long[] offsets = [.. entry.Value.GetProperty("data_offsets").EnumerateArray().Select(o => o.GetInt64())];
            long elements = entry.Value.GetProperty("shape").EnumerateArray().Aggregate(1L, (n, d) => n * d.GetInt64());
            offsets.Should().Equal(next, next + elements * 2);
            next = offsets[1];
        }
        (8 + headerLength + next).Should().Be(bytes.Length, "the data ends where the last tensor ends");
    }

    [Fact]
    public void Data_is_little_endian_row_major_at_the_offsets_the_header_gives()
    {
        string path = folder.File("v.safetensors");
        using var value = tensor(new[] { 1.0f, -2.0f, 0.5f, 3.0f }).reshape(2, 2);

        SafeTensorsWriter.Write(path, [("v", value)], ScalarType.Float32);

        byte[] bytes = File.ReadAllBytes(path);
        long dataStart = 8 + (long)BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        bytes[(int)dataStart..].Should().Equal(
            0x00, 0x00, 0x80, 0x3F, // 1.0
            0x00, 0x00, 0x00, 0xC0, // -2.0
            0x00, 0x00, 0x00, 0x3F, // 0.5
            0x00, 0x00, 0x40, 0x40); // 3.0
    }

    [Fact]
    public void Bfloat16_keeps_the_upper_half_of_the_float32_bits()
    {
        string path = folder.File("b.safetensors");
        using var value = tensor(new[] { 1.0f, -2.0f });

        SafeTensorsWriter.Write(path, [("v", value)], ScalarType.BFloat16);

        byte[] bytes = File.ReadAllBytes(path);
        long dataStart = 8 + (long)BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        bytes[(int)dataStart..].Should().Equal(0x80, 0x3F, 0x00, 0xC0);
    }

    [Fact]
    public void A_file_written_by_hand_to_the_spec_is_read()
    {
        string path = folder.File("hand.safetensors");
        RawSafeTensors.Write(path, """{"x":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}""",
            [0x00, 0x00, 0x80, 0x3F, 0x00, 0x00, 0x00, 0x40]);

        using var file = SafeTensorsFile.Open(path);
        using var x = file.Read("x");

        x.data<float>().ToArray().Should().Equal(1.0f, 2.0f);
        file.Metadata.Should().BeEmpty();
    }
}
