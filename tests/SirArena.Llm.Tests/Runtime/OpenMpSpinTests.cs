using System.Globalization;
using SirArena.Llm.Runtime;

namespace SirArena.Llm.Tests.Runtime;

public class OpenMpSpinTests
{
    [Fact]
    public void Loading_torch_on_linux_leaves_libgomp_a_short_spin_in_the_c_library_environment_unless_the_user_set_one()
    {
        var usersOwn = Environment.GetEnvironmentVariable("GOMP_SPINCOUNT");

        TorchRuntime.EnsureLoaded();

        OpenMpSpin.SpinCountSet.Should().Be(OperatingSystem.IsLinux() && !OpenMpSpin.EnvironmentSetsWaiting);
        var ours = OpenMpSpin.SpinCount.ToString(CultureInfo.InvariantCulture);
        if (OpenMpSpin.SpinCountSet) OpenMpSpin.NativeValue("GOMP_SPINCOUNT").Should().Be(ours);
        else if (usersOwn is not null) OpenMpSpin.NativeValue("GOMP_SPINCOUNT").Should().Be(usersOwn);
    }
}
