using System.Buffers.Binary;
using CsCheck;
using SirArena.Llm.Checkpoints;
using SirArena.Llm.Tests.Support;
using static TorchSharp.torch;

namespace SirArena.Llm.Tests.Checkpoints;

/// <summary>
/// Random damage to a valid safetensors file: a file cut short is always refused; a changed byte is refused, or the
/// file opens as a valid one whose tensors hold exactly the bytes the file holds after its header. Nothing else is
/// ever thrown, and nothing is allocated beyond what the file holds.
/// </summary>
public sealed class SafeTensorsDamageProperties : IDisposable
{
    const int Iterations = 300;

    readonly TempFolder folder = new();
    readonly byte[] original;
    readonly long dataStart;

    public SafeTensorsDamageProperties()
    {
        var path = folder.File("valid.safetensors");
        using (NewDisposeScope())
            SafeTensorsWriter.Write(path,
                [("model.norm.weight", tensor(new float[] { 0, 1, 2, 3 })), ("model.embed_tokens.weight", tensor(new float[] { 0, 1, 2, 3, 4, 5 }).reshape(2, 3)), ("lm_head.bias", ones(3))],
                ScalarType.Float32, new Dictionary<string, string> { ["format"] = "pt" });
        original = File.ReadAllBytes(path);
        dataStart = 8 + (long)BinaryPrimitives.ReadUInt64LittleEndian(original);
    }

    public void Dispose() => folder.Dispose();

    /// <summary>
    /// Opens <paramref name="bytes"/> as a file and reads every tensor: the tensors' bytes in offset order, null when
    /// the file opens but a tensor's dtype cannot be read, or the refusal. Any other exception fails the property.
    /// </summary>
    (byte[]? Data, bool Opened, CheckpointException? Refused) Load(byte[] bytes)
    {
        var path = folder.File($"{Guid.NewGuid():N}.safetensors");
        File.WriteAllBytes(path, bytes);
        try
        {
            using var file = SafeTensorsFile.Open(path);
            var data = new List<byte>();
            foreach (var name in file.Names.OrderBy(n => file.Info(n).Begin))
            {
                if (!file.Info(name).Dtype.IsSupported) return (null, true, null);
                using var tensor = file.Read(name);
                tensor.shape.Should().Equal(file.Info(name).Shape);
                foreach (var chunk in TensorBytes.Chunks(tensor))
                    using (chunk)
                        data.AddRange(chunk.bytes.ToArray());
            }
            return ([.. data], true, null);
        }
        catch (CheckpointException e)
        {
            e.Message.Should().StartWith(path, "a refusal names the file");
            return (null, false, e);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_safetensors_file_cut_anywhere_is_refused()
    {
        Gen.Int[0, original.Length - 1].Sample(cut =>
        {
            var (_, opened, _) = Load(original[..cut]);

            opened.Should().BeFalse("a file cut to {0} of {1} bytes lacks data its header promises", cut, original.Length);
        }, iter: Iterations);
    }

    [Fact]
    public void A_safetensors_file_with_one_byte_changed_is_refused_or_opens_with_exactly_the_bytes_after_its_header()
    {
        Gen.Select(Gen.Int[0, original.Length - 1], Gen.Byte).Sample((position, value) =>
        {
            var bytes = (byte[])original.Clone();
            bytes[position] = value;

            var (data, opened, _) = Load(bytes);

            if (position >= dataStart)
                opened.Should().BeTrue("a change in tensor data at byte {0} leaves the header valid", position);
            if (data is not null)
                data.Should().Equal(bytes[(int)dataStart..], "the tensors hold the bytes of the file, tiled by the header");
        }, iter: Iterations);
    }

    [Fact]
    public void A_safetensors_file_damaged_in_several_places_is_refused_or_opens_as_a_valid_file()
    {
        ByteDamage.Edits(original.Length, cuts: false).Sample(edits =>
        {
            var bytes = ByteDamage.Apply(original, edits);

            var (data, opened, _) = Load(bytes);

            if (data is null) return;
            opened.Should().BeTrue();
            long start = 8 + (long)BinaryPrimitives.ReadUInt64LittleEndian(bytes);
            data.Should().Equal(bytes.Skip((int)start), "the tensors hold the bytes of the file, tiled by the header");
        }, iter: Iterations);
    }
}
