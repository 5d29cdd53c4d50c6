using System.Runtime.InteropServices;
using SirArena.Llm.Runtime;

namespace SirArena.Llm.Tests.Runtime;

public class TorchRuntimeTests
{
    [Fact]
    public void Loading_torch_on_glibc_raises_the_malloc_arena_limit_unless_the_environment_sets_one()
    {
        TorchRuntime.EnsureLoaded();

        bool glibc = OperatingSystem.IsLinux() && !RuntimeInformation.RuntimeIdentifier.Contains("musl");
        TorchRuntime.ArenaLimitSet.Should().Be(glibc && !TorchRuntime.EnvironmentSetsArenaLimit);
    }
}
