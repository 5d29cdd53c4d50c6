using System.Reflection;
using SirArena.Llm.Runtime;

namespace SirArena.Llm.Tests.Build;

/// <summary>The build step that lets TorchSharp 0.107 load on Debian 12 (build/WeakenElfVersionNeed.cs).</summary>
public class ElfVersionNeedTests
{
    const string Version = "GLIBCXX_3.4.32";

    static string PackagedGlue()
    {
        var root = typeof(ElfVersionNeedTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "NuGetPackageRoot").Value!;
        return Path.Combine(root, "torchsharp", "0.107.0", "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
    }

    [Fact]
    public void The_packaged_library_needs_the_version_strongly_and_weakening_flips_exactly_one_flag()
    {
        if (!OperatingSystem.IsLinux()) return;
        var original = File.ReadAllBytes(PackagedGlue());
        ElfVersionNeeds.IsWeak(original, Version).Should().BeFalse("the NuGet cache keeps the library as shipped");

        var patched = (byte[])original.Clone();
        ElfVersionNeeds.Weaken(patched, Version).Should().Be(ElfVersionNeeds.Outcome.Weakened);

        ElfVersionNeeds.IsWeak(patched, Version).Should().BeTrue();
        Enumerable.Range(0, original.Length).Count(i => original[i] != patched[i]).Should().Be(1);
        ElfVersionNeeds.Weaken(patched, Version).Should().Be(ElfVersionNeeds.Outcome.AlreadyWeak);
        ElfVersionNeeds.IsWeak(patched, "GLIBCXX_3.4.19").Should().BeFalse("other version needs stay strong");
        ElfVersionNeeds.IsWeak(patched, "GLIBCXX_9.9.9").Should().BeNull();
    }

    [Fact]
    public void The_copies_in_the_build_output_are_weakened_and_torch_loads()
    {
        if (!OperatingSystem.IsLinux()) return;
        var copies = Directory.GetFiles(AppContext.BaseDirectory, "libLibTorchSharp.so", SearchOption.AllDirectories);
        copies.Should().NotBeEmpty();
        copies.Should().OnlyContain(path => ElfVersionNeeds.IsWeak(File.ReadAllBytes(path), Version) == true);
        FluentActions.Invoking(TorchRuntime.EnsureLoaded).Should().NotThrow();
    }

    [Fact]
    public void Files_that_are_not_64_bit_elf_or_are_cut_short_are_refused_with_a_reason()
    {
        FluentActions.Invoking(() => ElfVersionNeeds.Weaken(new byte[100], Version))
            .Should().Throw<InvalidDataException>().WithMessage("*magic*");
        if (!OperatingSystem.IsLinux()) return;
        var cut = File.ReadAllBytes(PackagedGlue())[..4096];
        FluentActions.Invoking(() => ElfVersionNeeds.Weaken(cut, Version))
            .Should().Throw<InvalidDataException>().WithMessage("*truncated*");
    }
}
