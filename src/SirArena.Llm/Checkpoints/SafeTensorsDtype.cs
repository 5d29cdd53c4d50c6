using static TorchSharp.torch;

namespace SirArena.Llm.Checkpoints;

/// <summary>
/// An element type as a safetensors header spells it ("F32", "BF16", ...) with its width in bytes.
/// Every dtype of the safetensors spec is known, so that any file's offsets can be checked; only
/// F32, F16 and BF16 carry a <see cref="Torch"/> type and can be read or written.
/// </summary>
public sealed record SafeTensorsDtype(string Name, int Size, ScalarType? Torch)
{
    public static readonly SafeTensorsDtype F32 = new("F32", 4, ScalarType.Float32);
    public static readonly SafeTensorsDtype F16 = new("F16", 2, ScalarType.Float16);
    public static readonly SafeTensorsDtype BF16 = new("BF16", 2, ScalarType.BFloat16);

    static readonly SafeTensorsDtype[] Known =
    [
        F32, F16, BF16,
        new("F64", 8, null), new("I64", 8, null), new("U64", 8, null), new("I32", 4, null), new("U32", 4, null),
        new("I16", 2, null), new("U16", 2, null), new("I8", 1, null), new("U8", 1, null), new("BOOL", 1, null),
        new("F8_E4M3", 1, null), new("F8_E5M2", 1, null),
    ];

    public bool IsSupported => Torch is not null;

    /// <summary>The dtype named in a header, or null when the name is not one of the spec's.</summary>
    public static SafeTensorsDtype? FromName(string name) => Array.Find(Known, d => d.Name == name);

    /// <summary>The dtype that stores <paramref name="type"/>; throws for types other than float32, float16, bfloat16.</summary>
    public static SafeTensorsDtype FromScalarType(ScalarType type) =>
        Array.Find(Known, d => d.Torch == type)
        ?? throw new ArgumentException($"cannot store tensors as {type}; F32, F16 and BF16 are supported", nameof(type));

    public override string ToString() => Name;
}
