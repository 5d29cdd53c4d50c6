using System.Diagnostics;
using System.Text.Json;
using SirArena.Llm.Tests.Support;

namespace SirArena.Llm.Tests.Build;

/// <summary>LibTorch's native package follows the runtime identifier built for, not the machine building it.</summary>
public class NativePackageTests
{
    static string[] TorchPackages(params string[] properties)
    {
        var project = Path.Combine(RepositoryFolder.Locate(), "src", "SirArena.Llm", "SirArena.Llm.csproj");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "msbuild", project, "-getItem:PackageReference" }.Concat(properties.Select(p => "-p:" + p)))
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        process.ExitCode.Should().Be(0, output + process.StandardError.ReadToEnd());
        return JsonDocument.Parse(output).RootElement.GetProperty("Items").GetProperty("PackageReference").EnumerateArray()
            .Select(item => item.GetProperty("Identity").GetString()!)
            .Where(name => name.Contains("torch", StringComparison.OrdinalIgnoreCase))
            .ToArray();
    }

    [Theory]
    [InlineData("win-x64", "TorchSharp-cuda-windows")]
    [InlineData("linux-x64", "libtorch-cpu-linux-x64")]
    [InlineData("osx-arm64", "libtorch-cpu-osx-arm64")]
    public void Each_runtime_gets_its_own_native_build(string runtime, string native) =>
        TorchPackages($"RuntimeIdentifier={runtime}").Should().BeEquivalentTo("TorchSharp", native);

    [Fact]
    public void A_linux_user_with_a_gpu_asks_for_the_cuda_build() =>
        TorchPackages("RuntimeIdentifier=linux-x64", "TorchBackend=cuda").Should().BeEquivalentTo("TorchSharp", "TorchSharp-cuda-linux");
}
