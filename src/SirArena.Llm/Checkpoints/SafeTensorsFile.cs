using Microsoft.Win32.SafeHandles;
using static TorchSharp.torch;

namespace SirArena.Llm.Checkpoints;

/// <summary>
/// An open safetensors file (https://github.com/huggingface/safetensors): the whole header is checked
/// on <see cref="Open"/>, then tensors are read one at a time with positional reads straight into
/// the tensor's memory, so a gigabyte checkpoint never passes through a managed array. Data is
/// little-endian, as are the hosts .NET runs on.
/// </summary>
public sealed class SafeTensorsFile : IDisposable
{
    readonly SafeFileHandle handle;
    readonly long dataStart;
    readonly Dictionary<string, SafeTensorInfo> tensors;

    SafeTensorsFile(string path, SafeFileHandle handle, SafeTensorsHeader header)
    {
        Path = path;
        this.handle = handle;
        dataStart = header.DataStart;
        Metadata = header.Metadata;
        tensors = header.Tensors.ToDictionary(t => t.Name);
        Names = [.. tensors.Keys.Order(StringComparer.Ordinal)];
    }

    public string Path { get; }
    public IReadOnlyDictionary<string, string> Metadata { get; }
    /// <summary>Tensor names in ordinal order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Opens <paramref name="path"/> and validates its header; throws <see cref="CheckpointException"/>.</summary>
    public static SafeTensorsFile Open(string path)
    {
        if (!File.Exists(path)) throw new CheckpointException($"{path}: file not found");
        var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        try
        {
            return new SafeTensorsFile(path, handle, SafeTensorsHeader.Read(handle, path));
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    public bool Contains(string name) => tensors.ContainsKey(name);

    public SafeTensorInfo Info(string name) =>
        tensors.TryGetValue(name, out var info) ? info : throw new CheckpointException($"{Path}: there is no tensor {name}");

    /// <summary>
    /// The tensor on the CPU, in its stored dtype or converted to <paramref name="convertTo"/>.
    /// Throws <see cref="CheckpointException"/> for a dtype other than F32, F16 and BF16.
    /// </summary>
    public Tensor Read(string name, ScalarType? convertTo = null)
    {
        var info = Info(name);
        if (info.Dtype.Torch is not { } stored)
            throw new CheckpointException($"{Path}: tensor {name} has dtype {info.Dtype}, which is not supported; F32, F16 and BF16 are");
        var tensor = empty(info.Shape, stored);
        try
        {
            long at = dataStart + info.Begin;
            foreach (var chunk in TensorBytes.Chunks(tensor))
                using (chunk)
                    at += ReadExactly(chunk.bytes, at, name);
        }
        catch
        {
            tensor.Dispose();
            throw;
        }
        if (convertTo is not { } target || target == stored) return tensor;
        using (tensor) return tensor.to(target);
    }

    int ReadExactly(Span<byte> into, long at, string name)
    {
        int done = 0;
        while (done < into.Length)
        {
            int n = RandomAccess.Read(handle, into[done..], at + done);
            // The header was checked against the length at open, so only a file cut short since then ends here.
            if (n == 0) throw new CheckpointException($"{Path}: the file ended inside tensor {name}; it was truncated after it was opened");
            done += n;
        }
        return done;
    }

    public void Dispose() => handle.Dispose();
}
