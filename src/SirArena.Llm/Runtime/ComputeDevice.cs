using System.Text.RegularExpressions;
using TorchSharp;

namespace SirArena.Llm.Runtime;

/// <summary>
/// Where the engine computes: <c>cpu</c> (the default) or <c>cuda</c> / <c>cuda:N</c>. The decoder's weights, its
/// rotary tables, the KV cache and every tensor a session or the trainer makes live there; what the policies read
/// (scores, kept slots) comes back to the CPU as plain numbers. A request the machine cannot serve is refused in one
/// sentence before anything loads.
/// </summary>
public static partial class ComputeDevice
{
    public const string Cpu = "cpu";
    public const string Names = "cpu, cuda or cuda:N";

    [GeneratedRegex(@"^(cpu|cuda)(?::(\d+))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Spelling();

    /// <summary>The device <paramref name="name"/> names, checked against this machine; <paramref name="source"/>
    /// (a flag or key, "--device") names where it came from in the message.</summary>
    public static torch.Device Parse(string? name, string source = "--device")
    {
        var match = Spelling().Match((name ?? Cpu).Trim().ToLowerInvariant());
        if (!match.Success || (match.Groups[1].Value == Cpu && match.Groups[2].Success))
            throw new ArgumentException($"{source}: \"{name}\" is not a device; expected {Names}");
        if (match.Groups[1].Value == Cpu) return torch.CPU;

        TorchRuntime.EnsureLoaded();
        int index = match.Groups[2].Success ? int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
        if (!torch.cuda.is_available())
            throw new ArgumentException($"{source}: {name} asks for a CUDA GPU, but this build of TorchSharp sees none " +
                "(the CPU build is the default on Linux; see the README's \"Running on a GPU\" for the CUDA build); use --device cpu");
        int count = torch.cuda.device_count();
        if (index >= count)
            throw new ArgumentException($"{source}: {name} asks for GPU {index}, but this machine has {count} (cuda:0 to cuda:{count - 1})");
        return new torch.Device(DeviceType.CUDA, index);
    }
}
